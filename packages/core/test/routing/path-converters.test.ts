import { InvalidRoute, RouteNotFound, URLRouter, path, registerConverter } from "@channels-ts/core";
import { call, fakeApp } from "./fake-app";

async function capture(route: string, requestPath: string): Promise<Record<string, unknown>> {
  const app = fakeApp();
  await call(URLRouter([path(route, app)]), { path: requestPath });
  return app.last().url_route?.kwargs ?? {};
}

function rejects(route: string, requestPath: string): Promise<void> {
  return expect(call(URLRouter([path(route, fakeApp())]), { path: requestPath })).rejects.toThrow(RouteNotFound);
}

describe("path() converters", () => {
  it("str matches one segment", async () => {
    expect(await capture("chat/<str:room>/", "/chat/lobby/")).toEqual({ room: "lobby" });
    await rejects("chat/<str:room>/", "/chat/a/b/");
  });

  it("int arrives as a number and rejects non-digits", async () => {
    const kwargs = await capture("year/<int:year>/", "/year/0042/");
    expect(kwargs).toEqual({ year: 42 });
    expect(typeof kwargs.year).toBe("number");
    await rejects("year/<int:year>/", "/year/-1/");
    await rejects("year/<int:year>/", "/year/12a/");
  });

  it("int refuses values a number cannot hold exactly", async () => {
    await rejects("id/<int:id>/", "/id/99999999999999999999/");
  });

  it("slug matches letters, digits, hyphens and underscores", async () => {
    expect(await capture("<slug:s>/", "/my-post_2/")).toEqual({ s: "my-post_2" });
    await rejects("<slug:s>/", "/my.post/");
  });

  it("uuid matches lowercase 8-4-4-4-12 hex and keeps it a string", async () => {
    const id = "075194d3-6885-417e-a8a8-6c931e272f00";
    expect(await capture("<uuid:id>/", `/${id}/`)).toEqual({ id });
    await rejects("<uuid:id>/", `/${id.toUpperCase()}/`);
    await rejects("<uuid:id>/", "/075194d3-6885-417e-a8a8/");
  });

  it("path matches across slashes", async () => {
    expect(await capture("files/<path:rest>", "/files/a/b/c.txt")).toEqual({ rest: "a/b/c.txt" });
  });

  it("a parameter without a converter is str", async () => {
    expect(await capture("author/<name>/", "/author/andrew/")).toEqual({ name: "andrew" });
  });

  it("escapes regex syntax in the literal parts", async () => {
    expect(await capture("v1.0/<int:n>+", "/v1.0/5+")).toEqual({ n: 5 });
    await rejects("v1.0/<int:n>+", "/v1x0/5+");
  });

  it("rejects an unknown converter when the route is defined, naming it", () => {
    expect(() => path("x/<number:n>/", fakeApp())).toThrow(InvalidRoute);
    expect(() => path("x/<number:n>/", fakeApp())).toThrow(/"number".*registerConverter/);
  });

  it("rejects bad parameter names, duplicates, whitespace, stray brackets and a leading slash", () => {
    expect(() => path("<int:2x>/", fakeApp())).toThrow(/"2x"/);
    expect(() => path("<int:a>/<str:a>/", fakeApp())).toThrow(/more than once/);
    expect(() => path("<int: a>/", fakeApp())).toThrow(/whitespace/);
    expect(() => path("<int:a/", fakeApp())).toThrow(/unmatched/);
    // @ts-expect-error: a literal route with a leading slash is a compile error too
    expect(() => path("/chat/", fakeApp())).toThrow(/Write "chat\/"/);
  });

  it("registerConverter adds a converter whose toValue can reject a match", async () => {
    registerConverter("year4", {
      regex: "[0-9]{4}",
      toValue(raw: string): number {
        const year = Number(raw);
        if (year < 1900) throw new RangeError("too early");
        return year;
      },
    });
    const app = fakeApp();
    const fallback = fakeApp();
    const router = URLRouter([path("archive/<year4:year>/", app), path("archive/<str:other>/", fallback)]);
    await call(router, { path: "/archive/2024/" });
    expect(app.last().url_route?.kwargs).toEqual({ year: 2024 });
    await call(router, { path: "/archive/1800/" });
    expect(fallback.last().url_route?.kwargs).toEqual({ other: "1800" });
  });

  it("registerConverter takes a Python-style regex and defaults toValue to the raw text", async () => {
    registerConverter("word", { regex: String.raw`\w+` });
    expect(await capture("<word:w>/", "/café/")).toEqual({ w: "café" });
  });

  it("registerConverter refuses a name that is taken or malformed, and a broken regex", () => {
    expect(() => registerConverter("int", { regex: "[0-9]+" })).toThrow(/already registered/);
    expect(() => registerConverter("a:b", { regex: "x" })).toThrow(InvalidRoute);
    expect(() => registerConverter("broken", { regex: "(" })).toThrow(/not a valid regular expression/);
    expect(() => registerConverter("flagged", { regex: "(?i)x" })).toThrow(/inline flags/);
  });
});
