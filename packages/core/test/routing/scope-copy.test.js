"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
describe("URLRouter and the caller's scope", () => {
    it("passes a copy and leaves the caller's scope, url_route, args and kwargs untouched", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^(\d+)/$`, app, { extra: 1 })]);
        const router = (0, core_1.URLRouter)([(0, core_1.path)("room/<str:name>/", inner)]);
        const urlRoute = { args: ["pre"], kwargs: { pre: true } };
        const scope = { type: "websocket", path: "/room/lobby/5/", user: { id: 1 }, url_route: urlRoute };
        const snapshot = structuredClone(scope);
        await router(scope, fake_app_1.receive, fake_app_1.send);
        expect(scope).toEqual(snapshot);
        expect(scope.url_route).toBe(urlRoute);
        expect(scope).not.toHaveProperty("path_remaining");
        const seen = app.last();
        expect(seen).not.toBe(scope);
        expect(seen.url_route).toEqual({ args: ["pre", "5"], kwargs: { pre: true, name: "lobby", extra: 1 } });
        expect(seen.user).toBe(scope.user);
    });
    it("works with a frozen scope", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.URLRouter)([(0, core_1.path)("x/", app)]);
        await router(Object.freeze({ type: "http", path: "/x/" }), fake_app_1.receive, fake_app_1.send);
        expect(app.last().url_route).toEqual({ args: [], kwargs: {} });
    });
    it("gives every connection its own url_route objects", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.URLRouter)([(0, core_1.path)("x/<int:n>/", app, { k: "v" })]);
        await router({ type: "http", path: "/x/1/" }, fake_app_1.receive, fake_app_1.send);
        await router({ type: "http", path: "/x/1/" }, fake_app_1.receive, fake_app_1.send);
        const [a, b] = app.scopes;
        expect(a?.url_route).toEqual(b?.url_route);
        expect(a?.url_route).not.toBe(b?.url_route);
        expect(a?.url_route?.kwargs).not.toBe(b?.url_route?.kwargs);
    });
});
//# sourceMappingURL=scope-copy.test.js.map