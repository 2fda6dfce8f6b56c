"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
// Ported from Django Channels tests/test_routing.py: nesting, nesting with path(), path_remaining.
describe("nested URLRouters", () => {
    it("merge their keyword captures", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([
            (0, core_1.rePath)(String.raw `^book/(?P<book>[\w\-]+)/page/(?P<page>\d+)/$`, app),
            (0, core_1.rePath)(String.raw `^test/(\d+)/$`, app),
        ]);
        const outer = (0, core_1.URLRouter)([
            (0, core_1.rePath)(String.raw `^universe/(?P<universe>\d+)/author/(?P<author>\w+)/`, inner),
            (0, core_1.rePath)(String.raw `^positional/(\w+)/`, inner),
        ]);
        await (0, fake_app_1.call)(outer, { path: "/universe/42/author/andrewgodwin/book/channels-guide/page/10/" });
        expect(app.last().url_route).toEqual({
            args: [],
            kwargs: { book: "channels-guide", author: "andrewgodwin", page: "10", universe: "42" },
        });
    });
    it("concatenate positional captures, outer first", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^test/(\d+)/$`, app)]);
        const outer = (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^positional/(\w+)/`, inner)]);
        await (0, fake_app_1.call)(outer, { path: "/positional/foo/test/3/" });
        expect(app.last().url_route).toEqual({ args: ["foo", "3"], kwargs: {} });
    });
    it("match a path() to a router as a prefix and convert at every level", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([(0, core_1.path)("test/<int:page>/", app)]);
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("number/<int:number>/", inner)]);
        await (0, fake_app_1.call)(inner, { path: "/test/3/" });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { page: 3 } });
        await (0, fake_app_1.call)(outer, { path: "/number/42/test/3/" });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { number: 42, page: 3 } });
        await expect((0, fake_app_1.call)(outer, { path: "/number/42/test/3/bla/" })).rejects.toThrow(core_1.RouteNotFound);
        await expect((0, fake_app_1.call)(outer, { path: "/number/42/blub/" })).rejects.toThrow(core_1.RouteNotFound);
    });
    it("see through middleware marked with markPathRouting", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const seenByMiddleware = [];
        const inner = (0, core_1.URLRouter)([(0, core_1.path)("test/<int:page>/", app)]);
        const middleware = (0, core_1.markPathRouting)(async (scope, receive, send) => {
            seenByMiddleware.push(scope.path_remaining);
            return inner(scope, receive, send);
        });
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("number/<int:number>/", middleware)]);
        await (0, fake_app_1.call)(outer, { path: "/number/42/test/3/" });
        expect(seenByMiddleware).toEqual(["test/3/"]);
        expect(app.last().url_route).toEqual({ args: [], kwargs: { number: 42, page: 3 } });
        await expect((0, fake_app_1.call)(outer, { path: "/number/42/test/3/bla/" })).rejects.toThrow(core_1.RouteNotFound);
    });
    it("continue in the outer router when an inner router has no match (test_path_remaining)", async () => {
        const noMatch = (0, fake_app_1.fakeApp)();
        const stuff = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([(0, core_1.path)("no-match/", noMatch)]);
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("prefix/", inner), (0, core_1.path)("prefix/stuff/", stuff)]);
        const outermost = (0, core_1.URLRouter)([(0, core_1.path)("", outer)]);
        await (0, fake_app_1.call)(outermost, { path: "/prefix/stuff/" });
        expect(stuff.scopes).toHaveLength(1);
        await (0, fake_app_1.call)(outermost, { path: "/root/prefix/stuff/", root_path: "/root" });
        expect(stuff.scopes).toHaveLength(2);
        await expect((0, fake_app_1.call)(outermost, { path: "/root/root/prefix/stuff/", root_path: "/root" })).rejects.toThrow(core_1.RouteNotFound);
        await expect((0, fake_app_1.call)(outermost, { path: "/root/prefix/root/stuff/", root_path: "/root" })).rejects.toThrow(core_1.RouteNotFound);
        expect(noMatch.scopes).toHaveLength(0);
    });
    it("continue past path-routing middleware whose router finds nothing", async () => {
        const fallback = (0, fake_app_1.fakeApp)();
        const wrapped = (0, core_1.URLRouter)([(0, core_1.path)("deep/", (0, fake_app_1.fakeApp)())]);
        expect((0, core_1.markPathRouting)(wrapped)).toBe(wrapped);
        const middleware = (0, core_1.markPathRouting)((async (scope, receive, send) => wrapped(scope, receive, send)));
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("api/", middleware), (0, core_1.path)("api/other/", fallback)]);
        await (0, fake_app_1.call)(outer, { path: "/api/other/" });
        expect(fallback.scopes).toHaveLength(1);
    });
    it("let an error other than RouteNotFound from path-routing middleware propagate", async () => {
        const fallback = (0, fake_app_1.fakeApp)();
        const failing = (0, core_1.markPathRouting)((async () => {
            throw new Error("middleware broke");
        }));
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("api/", failing), (0, core_1.path)("api/other/", fallback)]);
        await expect((0, fake_app_1.call)(outer, { path: "/api/other/" })).rejects.toThrow("middleware broke");
        expect(fallback.scopes).toHaveLength(0);
    });
    it("merge each level's kwargs option, inner winning over outer and over captures", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const inner = (0, core_1.URLRouter)([(0, core_1.path)("<str:room>/", app, { level: "inner", room: "forced" })]);
        const outer = (0, core_1.URLRouter)([(0, core_1.path)("chat/<slug:site>/", inner, { level: "outer", outerOnly: true })]);
        await (0, fake_app_1.call)(outer, { path: "/chat/main/lobby/" });
        expect(app.last().url_route).toEqual({
            args: [],
            kwargs: { site: "main", level: "inner", outerOnly: true, room: "forced" },
        });
    });
    it("merge with a url_route already in the scope", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^(\d+)/$`, app)]);
        await (0, fake_app_1.call)(router, { path: "/7/", url_route: { args: ["outer"], kwargs: { a: 1 } } });
        expect(app.last().url_route).toEqual({ args: ["outer", "7"], kwargs: { a: 1 } });
    });
    it("resolve three levels deep and pass the final remainder", async () => {
        const app = (0, fake_app_1.fakeApp)();
        const level3 = (0, core_1.URLRouter)([(0, core_1.path)("c/<int:c>", app)]);
        const level2 = (0, core_1.URLRouter)([(0, core_1.path)("b/<int:b>/", level3)]);
        const level1 = (0, core_1.URLRouter)([(0, core_1.path)("a/<int:a>/", level2)]);
        await (0, fake_app_1.call)(level1, { path: "/a/1/b/2/c/3" });
        expect(app.last().url_route).toEqual({ args: [], kwargs: { a: 1, b: 2, c: 3 } });
        expect(app.last().path_remaining).toBe("");
    });
});
//# sourceMappingURL=url-router-nesting.test.js.map