"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
async function route(regex, requestPath) {
    const app = (0, fake_app_1.fakeApp)();
    await (0, fake_app_1.call)((0, core_1.URLRouter)([(0, core_1.rePath)(regex, app)]), { path: requestPath });
    return app.last().url_route;
}
function rejects(regex, requestPath) {
    return expect((0, fake_app_1.call)((0, core_1.URLRouter)([(0, core_1.rePath)(regex, (0, fake_app_1.fakeApp)())]), { path: requestPath })).rejects.toThrow(core_1.RouteNotFound);
}
describe("rePath()", () => {
    it("takes Python named groups as kwargs", async () => {
        expect(await route(String.raw `^room/(?P<group>\w+)/$`, "/room/lobby/")).toEqual({
            args: [],
            kwargs: { group: "lobby" },
        });
    });
    it("takes JS named groups and RegExp objects too", async () => {
        expect(await route(String.raw `^room/(?<group>\w+)/$`, "/room/x/")).toEqual({ args: [], kwargs: { group: "x" } });
        expect(await route(/^room\/(?<group>\w+)\/$/, "/room/y/")).toEqual({ args: [], kwargs: { group: "y" } });
    });
    it("ignores unnamed groups when there are named ones (Django's rule)", async () => {
        expect(await route(String.raw `^(\w+)/(?P<id>\d+)/$`, "/post/7/")).toEqual({ args: [], kwargs: { id: "7" } });
    });
    it("leaves out named groups that did not participate", async () => {
        expect(await route(String.raw `^a/(?:(?P<x>\d+)|(?P<y>[a-z]+))/$`, "/a/abc/")).toEqual({
            args: [],
            kwargs: { y: "abc" },
        });
    });
    it("supports (?P=name) backreferences", async () => {
        expect(await route(String.raw `^(?P<w>\w+)-(?P=w)/$`, "/ab-ab/")).toEqual({ args: [], kwargs: { w: "ab" } });
        await rejects(String.raw `^(?P<w>\w+)-(?P=w)/$`, "/ab-cd/");
    });
    it("gives \\w and \\d Python's Unicode meaning", async () => {
        expect(await route(String.raw `^room/(?P<name>\w+)/$`, "/room/café/")).toEqual({
            args: [],
            kwargs: { name: "café" },
        });
        expect(await route(String.raw `(?a)^room/(?P<name>\w+)`, "/room/café/")).toEqual({
            args: [],
            kwargs: { name: "caf" },
        });
    });
    it("makes an endpoint ending in $ match the whole path, as Django's fullmatch does", async () => {
        await rejects("bar/$", "/foobar/");
        expect(await route("bar/$", "/bar/")).toEqual({ args: [], kwargs: {} });
    });
    it("translates Python-only syntax: {,n}, literal braces, \\Z, comments, leading flags", async () => {
        expect(await route(String.raw `^a{,2}x$`, "/aax")).toEqual({ args: [], kwargs: {} });
        expect(await route(String.raw `^\{(?P<k>[^}]+)}\Z`, "/{key}")).toEqual({ args: [], kwargs: { k: "key" } });
        expect(await route(String.raw `^te(?#comment)st/$`, "/test/")).toEqual({ args: [], kwargs: {} });
        expect(await route(String.raw `(?i)^ROOM/(?P<n>\d+)/$`, "/room/5/")).toEqual({ args: [], kwargs: { n: "5" } });
    });
    it("keeps a trailing Python `.` from matching a newline but lets it match a carriage return", async () => {
        expect(await route("^a.b$", "/a\rb")).toEqual({ args: [], kwargs: {} });
        await rejects("^a.b$", "/a\nb");
    });
    it("reuses a RegExp with the g flag statelessly", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.URLRouter)([(0, core_1.rePath)(/^n\/(\d+)\/$/g, app)]);
        await (0, fake_app_1.call)(router, { path: "/n/1/" });
        await (0, fake_app_1.call)(router, { path: "/n/2/" });
        expect(app.scopes.map((s) => s.url_route?.args)).toEqual([["1"], ["2"]]);
    });
    it("rejects invalid and unsupported patterns when the route is defined", () => {
        const app = (0, fake_app_1.fakeApp)();
        expect(() => (0, core_1.rePath)("(unclosed", app)).toThrow(core_1.InvalidRoute);
        expect(() => (0, core_1.rePath)("(?x) a b", app)).toThrow(/"\(\?x\)"/);
        expect(() => (0, core_1.rePath)("a(?i:b)", app)).toThrow(/not supported/);
        expect(() => (0, core_1.rePath)(String.raw `\q`, app)).toThrow(/"\\q"/);
        // @ts-expect-error: a literal regex anchored on a leading slash is a compile error too
        expect(() => (0, core_1.rePath)("^/chat/", app)).toThrow(/leading slash/);
        expect(() => (0, core_1.rePath)("(?P<__proto__>x)", app)).toThrow(/__proto__/);
    });
});
//# sourceMappingURL=re-path.test.js.map