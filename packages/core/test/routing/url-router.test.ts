import {
  ChannelNameRouter,
  ProtocolTypeRouter,
  RouteNotFound,
  URLRouter,
  path,
  rePath,
  type Application,
  type ChannelScope,
  type Scope,
  type WebsocketScope,
} from "@channels-ts/core";
import { isURLRouter } from "../../src/routing/url-router";
import { call, fakeApp, receive, send } from "./fake-app";

// Ported from Django Channels tests/test_routing.py: test_url_router and test_url_router_path.
describe("URLRouter", () => {
  const root = fakeApp();
  const foo = fakeApp();
  const bar = fakeApp();
  const posarg = fakeApp();
  const kwarg = fakeApp();
  const defaultKwargs = fakeApp();
  const router = URLRouter([
    path("", root),
    path("foo/", foo),
    rePath("bar", bar),
    rePath(String.raw`^posarg/(\d+)/$`, posarg),
    path("kwarg/<str:name>/", kwarg),
    path("defaultkwargs/", defaultKwargs, { default: 42 }),
  ]);

  it("matches plain routes against the path without its leading slash", async () => {
    await call(router, { path: "/" });
    await call(router, { path: "/foo/" });
    expect(root.scopes).toHaveLength(1);
    expect(foo.scopes).toHaveLength(1);
    expect(foo.last().url_route).toEqual({ args: [], kwargs: {} });
  });

  it("searches an unanchored rePath anywhere in the path", async () => {
    await call(router, { path: "/bar/" });
    await call(router, { path: "/bar/baz/" });
    expect(bar.scopes).toHaveLength(2);
  });

  it("passes unnamed groups as positional args", async () => {
    await call(router, { path: "/posarg/123/" });
    expect(posarg.last().url_route).toEqual({ args: ["123"], kwargs: {} });
    await call(router, { path: "/posarg/456/" });
    expect(posarg.last().url_route).toEqual({ args: ["456"], kwargs: {} });
  });

  it("passes path() parameters as kwargs", async () => {
    await call(router, { path: "/kwarg/hello/" });
    expect(kwarg.last().url_route).toEqual({ args: [], kwargs: { name: "hello" } });
    await call(router, { path: "/kwarg/hellothere/" });
    expect(kwarg.last().url_route).toEqual({ args: [], kwargs: { name: "hellothere" } });
  });

  it("adds the route's kwargs option", async () => {
    await call(router, { path: "/defaultkwargs/" });
    expect(defaultKwargs.last().url_route).toEqual({ args: [], kwargs: { default: 42 } });
  });

  it("anchors path() endpoints at the end", async () => {
    await expect(call(router, { path: "/foo/extra/" })).rejects.toThrow(RouteNotFound);
    await expect(call(router, { path: "/kwarg/a/b/" })).rejects.toThrow(RouteNotFound);
  });

  it("rejects a path that matches nothing", async () => {
    await expect(call(router, { path: "/nonexistent/" })).rejects.toThrow(RouteNotFound);
  });

  it("tries routes in order and takes the first match", async () => {
    const first = fakeApp();
    const second = fakeApp();
    const ordered = URLRouter([path("same/", first), path("same/", second)]);
    await call(ordered, { path: "/same/" });
    expect(first.scopes).toHaveLength(1);
    expect(second.scopes).toHaveLength(0);
  });

  it("handles default str parameters and int parameters (test_url_router_path)", async () => {
    const app = fakeApp();
    const r = URLRouter([path("", fakeApp()), path("author/<name>/", app), path("year/<int:year>/", app)]);
    await call(r, { path: "/author/andrewgodwin/" });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { name: "andrewgodwin" } });
    await call(r, { path: "/year/2012/" });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { year: 2012 } });
    await expect(call(r, { path: "/nonexistent/" })).rejects.toThrow(RouteNotFound);
  });

  it("sets path_remaining to what the route left over", async () => {
    await call(router, { path: "/bar/baz/" });
    expect(bar.last().path_remaining).toBe("/baz/");
    await call(router, { path: "/foo/" });
    expect(foo.last().path_remaining).toBe("");
  });

  it("is recognisable as a router and exposes nothing callable on plain apps", () => {
    expect(isURLRouter(router)).toBe(true);
    expect(isURLRouter(fakeApp())).toBe(false);
    expect(router.name).toBe("URLRouter");
  });
});

describe("route typing", () => {
  it("accepts applications typed for a specific scope", async () => {
    const seen: string[] = [];
    const wsApp: Application<WebsocketScope> = async (scope) => void seen.push(scope.subprotocols.join(","));
    const channelApp: Application<ChannelScope> = async (scope) => void seen.push(scope.channel);
    const app = ProtocolTypeRouter({
      websocket: URLRouter([path("ws/", wsApp), rePath("^other/$", wsApp)]),
      channel: ChannelNameRouter({ jobs: channelApp }),
    });
    await app({ type: "websocket", path: "/ws/", subprotocols: ["chat"] } as Scope, receive, send);
    await app({ type: "channel", channel: "jobs" }, receive, send);
    expect(seen).toEqual(["chat", "jobs"]);
  });
});
