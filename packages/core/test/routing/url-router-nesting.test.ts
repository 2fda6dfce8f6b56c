import { RouteNotFound, URLRouter, markPathRouting, path, rePath, type Application } from "@channels-ts/core";
import { call, fakeApp } from "./fake-app";

// Ported from Django Channels tests/test_routing.py: nesting, nesting with path(), path_remaining.
describe("nested URLRouters", () => {
  it("merge their keyword captures", async () => {
    const app = fakeApp();
    const inner = URLRouter([
      rePath(String.raw`^book/(?P<book>[\w\-]+)/page/(?P<page>\d+)/$`, app),
      rePath(String.raw`^test/(\d+)/$`, app),
    ]);
    const outer = URLRouter([
      rePath(String.raw`^universe/(?P<universe>\d+)/author/(?P<author>\w+)/`, inner),
      rePath(String.raw`^positional/(\w+)/`, inner),
    ]);

    await call(outer, { path: "/universe/42/author/andrewgodwin/book/channels-guide/page/10/" });
    expect(app.last().url_route).toEqual({
      args: [],
      kwargs: { book: "channels-guide", author: "andrewgodwin", page: "10", universe: "42" },
    });
  });

  it("concatenate positional captures, outer first", async () => {
    const app = fakeApp();
    const inner = URLRouter([rePath(String.raw`^test/(\d+)/$`, app)]);
    const outer = URLRouter([rePath(String.raw`^positional/(\w+)/`, inner)]);
    await call(outer, { path: "/positional/foo/test/3/" });
    expect(app.last().url_route).toEqual({ args: ["foo", "3"], kwargs: {} });
  });

  it("match a path() to a router as a prefix and convert at every level", async () => {
    const app = fakeApp();
    const inner = URLRouter([path("test/<int:page>/", app)]);
    const outer = URLRouter([path("number/<int:number>/", inner)]);

    await call(inner, { path: "/test/3/" });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { page: 3 } });
    await call(outer, { path: "/number/42/test/3/" });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { number: 42, page: 3 } });
    await expect(call(outer, { path: "/number/42/test/3/bla/" })).rejects.toThrow(RouteNotFound);
    await expect(call(outer, { path: "/number/42/blub/" })).rejects.toThrow(RouteNotFound);
  });

  it("see through middleware marked with markPathRouting", async () => {
    const app = fakeApp();
    const seenByMiddleware: unknown[] = [];
    const inner = URLRouter([path("test/<int:page>/", app)]);
    const middleware: Application = markPathRouting(async (scope, receive, send) => {
      seenByMiddleware.push(scope.path_remaining);
      return inner(scope, receive, send);
    });
    const outer = URLRouter([path("number/<int:number>/", middleware)]);

    await call(outer, { path: "/number/42/test/3/" });
    expect(seenByMiddleware).toEqual(["test/3/"]);
    expect(app.last().url_route).toEqual({ args: [], kwargs: { number: 42, page: 3 } });
    await expect(call(outer, { path: "/number/42/test/3/bla/" })).rejects.toThrow(RouteNotFound);
  });

  it("continue in the outer router when an inner router has no match (test_path_remaining)", async () => {
    const noMatch = fakeApp();
    const stuff = fakeApp();
    const inner = URLRouter([path("no-match/", noMatch)]);
    const outer = URLRouter([path("prefix/", inner), path("prefix/stuff/", stuff)]);
    const outermost = URLRouter([path("", outer)]);

    await call(outermost, { path: "/prefix/stuff/" });
    expect(stuff.scopes).toHaveLength(1);
    await call(outermost, { path: "/root/prefix/stuff/", root_path: "/root" });
    expect(stuff.scopes).toHaveLength(2);
    await expect(call(outermost, { path: "/root/root/prefix/stuff/", root_path: "/root" })).rejects.toThrow(
      RouteNotFound,
    );
    await expect(call(outermost, { path: "/root/prefix/root/stuff/", root_path: "/root" })).rejects.toThrow(
      RouteNotFound,
    );
    expect(noMatch.scopes).toHaveLength(0);
  });

  it("continue past path-routing middleware whose router finds nothing", async () => {
    const fallback = fakeApp();
    const wrapped = URLRouter([path("deep/", fakeApp())]);
    expect(markPathRouting(wrapped)).toBe(wrapped);
    const middleware = markPathRouting((async (scope, receive, send) => wrapped(scope, receive, send)) as Application);
    const outer = URLRouter([path("api/", middleware), path("api/other/", fallback)]);
    await call(outer, { path: "/api/other/" });
    expect(fallback.scopes).toHaveLength(1);
  });

  it("let an error other than RouteNotFound from path-routing middleware propagate", async () => {
    const fallback = fakeApp();
    const failing = markPathRouting((async () => {
      throw new Error("middleware broke");
    }) as Application);
    const outer = URLRouter([path("api/", failing), path("api/other/", fallback)]);
    await expect(call(outer, { path: "/api/other/" })).rejects.toThrow("middleware broke");
    expect(fallback.scopes).toHaveLength(0);
  });

  it("merge each level's kwargs option, inner winning over outer and over captures", async () => {
    const app = fakeApp();
    const inner = URLRouter([path("<str:room>/", app, { level: "inner", room: "forced" })]);
    const outer = URLRouter([path("chat/<slug:site>/", inner, { level: "outer", outerOnly: true })]);
    await call(outer, { path: "/chat/main/lobby/" });
    expect(app.last().url_route).toEqual({
      args: [],
      kwargs: { site: "main", level: "inner", outerOnly: true, room: "forced" },
    });
  });

  it("merge with a url_route already in the scope", async () => {
    const app = fakeApp();
    const router = URLRouter([rePath(String.raw`^(\d+)/$`, app)]);
    await call(router, { path: "/7/", url_route: { args: ["outer"], kwargs: { a: 1 } } });
    expect(app.last().url_route).toEqual({ args: ["outer", "7"], kwargs: { a: 1 } });
  });

  it("resolve three levels deep and pass the final remainder", async () => {
    const app = fakeApp();
    const level3 = URLRouter([path("c/<int:c>", app)]);
    const level2 = URLRouter([path("b/<int:b>/", level3)]);
    const level1 = URLRouter([path("a/<int:a>/", level2)]);
    await call(level1, { path: "/a/1/b/2/c/3" });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { a: 1, b: 2, c: 3 } });
    expect(app.last().path_remaining).toBe("");
  });
});
