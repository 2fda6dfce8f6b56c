"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const url_router_1 = require("../../src/routing/url-router");
const fake_app_1 = require("./fake-app");
// Ported from Django Channels tests/test_routing.py: test_url_router and test_url_router_path.
describe("URLRouter", () => {
    const root = (0, fake_app_1.fakeApp)();
    const foo = (0, fake_app_1.fakeApp)();
    const bar = (0, fake_app_1.fakeApp)();
    const posarg = (0, fake_app_1.fakeApp)();
    const kwarg = (0, fake_app_1.fakeApp)();
    const defaultKwargs = (0, fake_app_1.fakeApp)();
    const router = (0, core_1.URLRouter)([
        (0, core_1.path)("", root),
        (0, core_1.path)("foo/", foo),
        (0, core_1.rePath)("bar", bar),
        (0, core_1.rePath)(String.raw `^posarg/(\d+)/$`, posarg),
        (0, core_1.path)("kwarg/<str:name>/", kwarg),
        (0, core_1.path)("defaultkwargs/", defaultKwargs, { default: 42 }),
    ]);
    it("matches plain routes against the path without its leading slash", async () => {
        await (0, fake_app_1.call)(router, { path: "/" });
        await (0, fake_app_1.call)(router, { path: "/foo/" });
        expect(root.scopes).toHaveLength(1);
        expect(foo.scopes).toHaveLength(1);
        expect(foo.last().url_route).toEqual({ args: [], kwargs: {} });
    });
    it("searches an unanchored rePath anywhere in the path", async () => {
        await (0, fake_app_1.call)(router, { path: "/bar/" });
        await (0, fake_app_1.call)(router, { path: "/bar/baz/" });
        expect(bar.scopes).toHaveLength(2);
    });
    it("passes unnamed groups as positional args", async () => {
        await (0, fake_app_1.call)(router, { path: "/posarg/123/" });
        expect(posarg.last().url_route).toEqual({ args: ["123"], kwargs: {} });
        await (0, fake_app_1.call)(router, { path: "/posarg/456/" });
        expect(posarg.last().url_route).toEqual({ args: ["456"], kwargs: {} });
    });
    it("passes path() parameters as kwargs", async () => {
        await (0, fake_app_1.call)(router, { path: "/kwarg/hello/" });
        expect(kwarg.last().url_route).toEqual({ args: [], kwargs: { name: "hello" } });
        await (0, fake_app_1.call)(router, { path: "/kwarg/hellothere/" });
        expect(kwarg.last().url_route).toEqual({ args: [], kwargs: { name: "hellothere" } });
    });
    it("adds the route's kwargs option", async () => {
        await (0, fake_app_1.call)(router, { path: "/defaultkwargs/" });
        expect(defaultKwargs.last().url_route).toEqual({ args: [], kwargs: { default: 42 } });
    });
    it("anchors path() endpoints at the end", async () => {
        await expect((0, fake_app_1.call)(router, { path: "/foo/extra/" })).rejects.toThrow(core_1.RouteNotFound);
        await expect((0, fake_app_1.call)(router, { path: "/kwarg/a/b/" })).rejects.toThrow(core_1.RouteNotFound);
    });
    it("rejects a path that matches nothing", async () => {
        await expect((0, fake_app_1.call)(router, { path: "/nonexistent/" })).rejects.toThrow(core_1.RouteNotFound);
    });
    it("tries routes in order and takes the first match", async () => {
        const first = (0, fake_app_1.fakeApp)();
        const second = (0, fake_app_1.fakeApp)();
        const ordered = (0, core_1.URLRouter)([(0, core_1.path)("same/", first), (0, core_1.path)("same/", second)]);
        await (0, fake_app_1.call)(ordered, { path: "/same/" });
        expect(first.scopes).toHaveLength(1);
        expect(second.scopes).toHaveLength(0);
    });
    it("handles default str parameters and int parameters (test_url_router_path)", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const r = (0, core_1.URLRouter)([(0, core_1.path)("", (0, fake_app_1.fakeApp)()), (0, core_1.path)("author/<name>/", app), (0, core_1.path)("year/<int:year>/", app)]);
        await (0, fake_app_1.call)(r, { path: "/author/andrewgodwin/" });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { name: "andrewgodwin" } });
        await (0, fake_app_1.call)(r, { path: "/year/2012/" });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { year: 2012 } });
        await expect((0, fake_app_1.call)(r, { path: "/nonexistent/" })).rejects.toThrow(core_1.RouteNotFound);
    });
    it("sets path_remaining to what the route left over", async () => {
        await (0, fake_app_1.call)(router, { path: "/bar/baz/" });
        expect(bar.last().path_remaining).toBe("/baz/");
        await (0, fake_app_1.call)(router, { path: "/foo/" });
        expect(foo.last().path_remaining).toBe("");
    });
    it("is recognisable as a router and exposes nothing callable on plain apps", () => {
        expect((0, url_router_1.isURLRouter)(router)).toBe(true);
        expect((0, url_router_1.isURLRouter)((0, fake_app_1.fakeApp)())).toBe(false);
        expect(router.name).toBe("URLRouter");
    });
});
describe("route typing", () => {
    it("accepts applications typed for a specific scope", async () => {
        const seen = [];
        const wsApp = async (scope) => void seen.push(scope.subprotocols.join(","));
        const channelApp = async (scope) => void seen.push(scope.channel);
        const app = (0, core_1.ProtocolTypeRouter)({
            websocket: (0, core_1.URLRouter)([(0, core_1.path)("ws/", wsApp), (0, core_1.rePath)("^other/$", wsApp)]),
            channel: (0, core_1.ChannelNameRouter)({ jobs: channelApp }),
        });
        await app({ type: "websocket", path: "/ws/", subprotocols: ["chat"] }, fake_app_1.receive, fake_app_1.send);
        await app({ type: "channel", channel: "jobs" }, fake_app_1.receive, fake_app_1.send);
        expect(seen).toEqual(["chat", "jobs"]);
    });
});
//# sourceMappingURL=url-router.test.js.map