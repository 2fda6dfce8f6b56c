import { RouteNotFound, ScopeKeyMissing, URLRouter, path, type Scope } from "@channels-ts/core";
import { call, fakeApp, receive, send } from "./fake-app";

describe("URLRouter without a match", () => {
  const router = URLRouter([path("chat/<str:room>/", fakeApp())]);

  it("rejects with RouteNotFound naming the full path and what was routed", async () => {
    const error = await call(router, { path: "/nonexistent/" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RouteNotFound);
    expect((error as RouteNotFound).code).toBe("ROUTE_NOT_FOUND");
    expect((error as RouteNotFound).path).toBe("/nonexistent/");
    expect((error as Error).message).toContain('"/nonexistent/"');
    expect((error as Error).message).toContain('"nonexistent/"');
  });

  it("names the full path when a nested router fails", async () => {
    const outer = URLRouter([path("api/", router)]);
    const error = await call(outer, { path: "/api/nope/" }).catch((e: unknown) => e);
    expect((error as RouteNotFound).path).toBe("/api/nope/");
  });

  it("rejects a scope without a path with ScopeKeyMissing", async () => {
    const error = await router({ type: "channel" } as Scope, receive, send).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScopeKeyMissing);
    expect((error as Error).message).toContain('"path"');
  });

  it("rejects something that is not a route at construction", () => {
    expect(() => URLRouter([{} as never])).toThrow(/entry 0/);
  });
});
