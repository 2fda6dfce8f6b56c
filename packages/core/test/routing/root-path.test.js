"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
describe("URLRouter and root_path", () => {
    const root = (0, fake_app_1.fakeApp)();
    const foo = (0, fake_app_1.fakeApp)();
    const router = (0, core_1.URLRouter)([(0, core_1.path)("", root), (0, core_1.path)("foo/", foo)]);
    it("removes root_path before matching (test_url_router)", async () => {
        await (0, fake_app_1.call)(router, { path: "/root/", root_path: "/root" });
        await (0, fake_app_1.call)(router, { path: "/root/foo/", root_path: "/root" });
        expect(root.scopes).toHaveLength(1);
        expect(foo.scopes).toHaveLength(1);
    });
    it("accepts the bare root_path without a trailing slash", async () => {
        const before = root.scopes.length;
        await (0, fake_app_1.call)(router, { path: "/root", root_path: "/root" });
        expect(root.scopes).toHaveLength(before + 1);
    });
    it("does not match a path outside root_path, naming both", async () => {
        const error = await (0, fake_app_1.call)(router, { path: "/", root_path: "/root" }).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.RouteNotFound);
        expect(error.message).toContain('"/"');
        expect(error.message).toContain('"/root"');
    });
    it("treats root_path as a whole segment: /rootfoo/ is not under /root", async () => {
        await expect((0, fake_app_1.call)(router, { path: "/rootfoo/", root_path: "/root" })).rejects.toThrow(core_1.RouteNotFound);
    });
    it("ignores an empty root_path and leaves scope.path and root_path as they were", async () => {
        await (0, fake_app_1.call)(router, { path: "/foo/", root_path: "" });
        await (0, fake_app_1.call)(router, { path: "/root/foo/", root_path: "/root" });
        expect(foo.last().path).toBe("/root/foo/");
        expect(foo.last().root_path).toBe("/root");
    });
    it("is applied by the outermost router only", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([(0, core_1.path)("root/x/", app)]);
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("api/", inner)]);
        await (0, fake_app_1.call)(outer, { path: "/root/api/root/x/", root_path: "/root" });
        expect(app.scopes).toHaveLength(1);
    });
});
//# sourceMappingURL=root-path.test.js.map