import { RouteNotFound, URLRouter, path } from "@channels-ts/core";
import { call, fakeApp } from "./fake-app";

describe("URLRouter and root_path", () => {
  const root = fakeApp();
  const foo = fakeApp();
  const router = URLRouter([path("", root), path("foo/", foo)]);

  it("removes root_path before matching (test_url_router)", async () => {
    await call(router, { path: "/root/", root_path: "/root" });
    await call(router, { path: "/root/foo/", root_path: "/root" });
    expect(root.scopes).toHaveLength(1);
    expect(foo.scopes).toHaveLength(1);
  });

  it("accepts the bare root_path without a trailing slash", async () => {
    const before = root.scopes.length;
    await call(router, { path: "/root", root_path: "/root" });
    expect(root.scopes).toHaveLength(before + 1);
  });

  it("does not match a path outside root_path, naming both", async () => {
    const error = await call(router, { path: "/", root_path: "/root" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouteNotFound);
    expect((error as Error).message).toContain('"/"');
    expect((error as Error).message).toContain('"/root"');
  });

  it("treats root_path as a whole segment: /rootfoo/ is not under /root", async () => {
    await expect(call(router, { path: "/rootfoo/", root_path: "/root" })).rejects.toThrow(RouteNotFound);
  });

  it("ignores an empty root_path and leaves scope.path and root_path as they were", async () => {
    await call(router, { path: "/foo/", root_path: "" });
    await call(router, { path: "/root/foo/", root_path: "/root" });
    expect(foo.last().path).toBe("/root/foo/");
    expect(foo.last().root_path).toBe("/root");
  });

  it("is applied by the outermost router only", async () => {
    const app = fakeApp();
    const inner = URLRouter([path("root/x/", app)]);
    const outer = URLRouter([path("api/", inner)]);
    await call(outer, { path: "/root/api/root/x/", root_path: "/root" });
    expect(app.scopes).toHaveLength(1);
  });
});
