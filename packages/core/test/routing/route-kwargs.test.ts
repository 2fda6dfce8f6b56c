import { InvalidRoute, URLRouter, path, rePath } from "@channels-ts/core";
import { call, fakeApp } from "./fake-app";

// Django's path(route, view, kwargs=None, name=None): the third argument is the kwargs themselves.
describe("a route with a leading slash does not compile (and throws)", () => {
  it("refuses a literal route or anchored regex starting with a slash", () => {
    // @ts-expect-error: routes are matched without the leading slash
    expect(() => path("/chat/", fakeApp())).toThrow(InvalidRoute);
    // @ts-expect-error: routes are matched without the leading slash
    expect(() => rePath("^/chat/", fakeApp())).toThrow(InvalidRoute);
  });

  it("still takes a route typed as string, and a RegExp", () => {
    const route: string = "chat/";
    expect(path(route, fakeApp()).pattern).toBe("chat/");
    expect(rePath(/^chat\/$/, fakeApp()).pattern).toBe(String(/^chat\/$/));
  });
});

describe("route kwargs, as Django's path(route, view, kwargs, name)", () => {
  it("path() adds a bare record of kwargs to scope.url_route.kwargs", async () => {
    const app = fakeApp();
    const extra: Record<string, string> = { room: "lobby" };
    await call(URLRouter([path("chat/", app, extra)]), { path: "/chat/" });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { room: "lobby" } });
  });

  it("rePath() adds them too, and they win over what the pattern captured", async () => {
    const app = fakeApp();
    await call(URLRouter([rePath(String.raw`^chat/(?P<room>\w+)/$`, app, { room: "forced", flag: true })]), {
      path: "/chat/lobby/",
    });
    expect(app.last().url_route).toEqual({ args: [], kwargs: { room: "forced", flag: true } });
  });

  it("keeps the name given after the kwargs", () => {
    const app = fakeApp();
    expect(path("chat/", app, undefined, "chat").name).toBe("chat");
    expect(rePath("^chat/$", app, { a: 1 }, "chat-re")).toMatchObject({ name: "chat-re", kwargs: { a: 1 } });
  });

  it("copies the kwargs, so changing the object later does not change the route", async () => {
    const app = fakeApp();
    const extra: Record<string, unknown> = { room: "lobby" };
    const router = URLRouter([path("chat/", app, extra)]);
    extra["room"] = "changed";
    await call(router, { path: "/chat/" });
    expect(app.last().url_route?.kwargs).toEqual({ room: "lobby" });
  });

  it("refuses kwargs or a name it could not use, instead of dropping them", () => {
    const app = fakeApp();
    // @ts-expect-error: kwargs are a record, not a string
    expect(() => path("chat/", app, "lobby")).toThrow(InvalidRoute);
    // @ts-expect-error: kwargs are a record, not an array
    expect(() => rePath("^chat/$", app, ["lobby"])).toThrow(/plain object of kwargs/);
    // @ts-expect-error: the name is a string
    expect(() => path("chat/", app, {}, { name: "chat" })).toThrow(/name as a string/);
    // @ts-expect-error: the kwargs themselves, not an options object around them
    expect(() => path("chat/", app, { kwargs: { room: "lobby" } })).toThrow(/takes the kwargs themselves/);
  });
});
