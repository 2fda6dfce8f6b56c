"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
// Django's path(route, view, kwargs=None, name=None): the third argument is the kwargs themselves.
describe("a route with a leading slash does not compile (and throws)", () => {
    it("refuses a literal route or anchored regex starting with a slash", () => {
        // @ts-expect-error: routes are matched without the leading slash
        expect(() => (0, core_1.path)("/chat/", (0, fake_app_1.fakeApp)())).toThrow(core_1.InvalidRoute);
        // @ts-expect-error: routes are matched without the leading slash
        expect(() => (0, core_1.rePath)("^/chat/", (0, fake_app_1.fakeApp)())).toThrow(core_1.InvalidRoute);
    });
    it("still takes a route typed as string, and a RegExp", () => {
        const route = "chat/";
        expect((0, core_1.path)(route, (0, fake_app_1.fakeApp)()).pattern).toBe("chat/");
        expect((0, core_1.rePath)(/^chat\/$/, (0, fake_app_1.fakeApp)()).pattern).toBe(String(/^chat\/$/));
    });
});
describe("route kwargs, as Django's path(route, view, kwargs, name)", () => {
    it("path() adds a bare record of kwargs to scope.url_route.kwargs", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const extra = { room: "lobby" };
        await (0, fake_app_1.call)((0, core_1.URLRouter)([(0, core_1.path)("chat/", app, extra)]), { path: "/chat/" });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { room: "lobby" } });
    });
    it("rePath() adds them too, and they win over what the pattern captured", async () => {
        const app = (0, fake_app_1.fakeApp)();
        await (0, fake_app_1.call)((0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^chat/(?P<room>\w+)/$`, app, { room: "forced", flag: true })]), {
            path: "/chat/lobby/",
        });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { room: "forced", flag: true } });
    });
    it("keeps the name given after the kwargs", () => {
        const app = (0, fake_app_1.fakeApp)();
        expect((0, core_1.path)("chat/", app, undefined, "chat").name).toBe("chat");
        expect((0, core_1.rePath)("^chat/$", app, { a: 1 }, "chat-re")).toMatchObject({ name: "chat-re", kwargs: { a: 1 } });
    });
    it("copies the kwargs, so changing the object later does not change the route", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const extra = { room: "lobby" };
        const router = (0, core_1.URLRouter)([(0, core_1.path)("chat/", app, extra)]);
        extra["room"] = "changed";
        await (0, fake_app_1.call)(router, { path: "/chat/" });
        expect(app.last().url_route?.kwargs).toEqual({ room: "lobby" });
    });
    it("refuses kwargs or a name it could not use, instead of dropping them", () => {
        const app = (0, fake_app_1.fakeApp)();
        // @ts-expect-error: kwargs are a record, not a string
        expect(() => (0, core_1.path)("chat/", app, "lobby")).toThrow(core_1.InvalidRoute);
        // @ts-expect-error: kwargs are a record, not an array
        expect(() => (0, core_1.rePath)("^chat/$", app, ["lobby"])).toThrow(/plain object of kwargs/);
        // @ts-expect-error: the name is a string
        expect(() => (0, core_1.path)("chat/", app, {}, { name: "chat" })).toThrow(/name as a string/);
        // @ts-expect-error: the kwargs themselves, not an options object around them
        expect(() => (0, core_1.path)("chat/", app, { kwargs: { room: "lobby" } })).toThrow(/takes the kwargs themselves/);
    });
});
//# sourceMappingURL=route-kwargs.test.js.map