"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
describe("URLRouter without a match", () => {
    const router = (0, core_1.URLRouter)([(0, core_1.path)("chat/<str:room>/", (0, fake_app_1.fakeApp)())]);
    it("rejects with RouteNotFound naming the full path and what was routed", async () => {
        const error = await (0, fake_app_1.call)(router, { path: "/nonexistent/" }).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.RouteNotFound);
        expect(error.code).toBe("ROUTE_NOT_FOUND");
        expect(error.path).toBe("/nonexistent/");
        expect(error.message).toContain('"/nonexistent/"');
        expect(error.message).toContain('"nonexistent/"');
    });
    it("names the full path when a nested router fails", async () => {
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("api/", router)]);
        const error = await (0, fake_app_1.call)(outer, { path: "/api/nope/" }).catch((e) => e);
        expect(error.path).toBe("/api/nope/");
    });
    it("rejects a scope without a path with ScopeKeyMissing", async () => {
        const error = await router({ type: "channel" }, fake_app_1.receive, fake_app_1.send).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.ScopeKeyMissing);
        expect(error.message).toContain('"path"');
    });
    it("rejects something that is not a route at construction", () => {
        expect(() => (0, core_1.URLRouter)([{}])).toThrow(/entry 0/);
    });
});
//# sourceMappingURL=route-not-found.test.js.map