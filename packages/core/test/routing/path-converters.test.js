"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
async function capture(route, requestPath) {
    const app = (0, fake_app_1.fakeApp)();
    await (0, fake_app_1.call)((0, core_1.URLRouter)([(0, core_1.path)(route, app)]), { path: requestPath });
    return app.last().url_route?.kwargs ?? {};
}
function rejects(route, requestPath) {
    return expect((0, fake_app_1.call)((0, core_1.URLRouter)([(0, core_1.path)(route, (0, fake_app_1.fakeApp)())]), { path: requestPath })).rejects.toThrow(core_1.RouteNotFound);
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
        expect(() => (0, core_1.path)("x/<number:n>/", (0, fake_app_1.fakeApp)())).toThrow(core_1.InvalidRoute);
        expect(() => (0, core_1.path)("x/<number:n>/", (0, fake_app_1.fakeApp)())).toThrow(/"number".*registerConverter/);
    });
    it("rejects bad parameter names, duplicates, whitespace, stray brackets and a leading slash", () => {
        expect(() => (0, core_1.path)("<int:2x>/", (0, fake_app_1.fakeApp)())).toThrow(/"2x"/);
        expect(() => (0, core_1.path)("<int:a>/<str:a>/", (0, fake_app_1.fakeApp)())).toThrow(/more than once/);
        expect(() => (0, core_1.path)("<int: a>/", (0, fake_app_1.fakeApp)())).toThrow(/whitespace/);
        expect(() => (0, core_1.path)("<int:a/", (0, fake_app_1.fakeApp)())).toThrow(/unmatched/);
        // @ts-expect-error: a literal route with a leading slash is a compile error too
        expect(() => (0, core_1.path)("/chat/", (0, fake_app_1.fakeApp)())).toThrow(/Write "chat\/"/);
    });
    it("registerConverter adds a converter whose toValue can reject a match", async () => {
        (0, core_1.registerConverter)("year4", {
            regex: "[0-9]{4}",
            toValue(raw) {
                const year = Number(raw);
                if (year < 1900)
                    throw new RangeError("too early");
                return year;
            },
        });
        const app = (0, fake_app_1.fakeApp)();
        const fallback = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.URLRouter)([(0, core_1.path)("archive/<year4:year>/", app), (0, core_1.path)("archive/<str:other>/", fallback)]);
        await (0, fake_app_1.call)(router, { path: "/archive/2024/" });
        expect(app.last().url_route?.kwargs).toEqual({ year: 2024 });
        await (0, fake_app_1.call)(router, { path: "/archive/1800/" });
        expect(fallback.last().url_route?.kwargs).toEqual({ other: "1800" });
    });
    it("registerConverter takes a Python-style regex and defaults toValue to the raw text", async () => {
        (0, core_1.registerConverter)("word", { regex: String.raw `\w+` });
        expect(await capture("<word:w>/", "/café/")).toEqual({ w: "café" });
    });
    it("registerConverter refuses a name that is taken or malformed, and a broken regex", () => {
        expect(() => (0, core_1.registerConverter)("int", { regex: "[0-9]+" })).toThrow(/already registered/);
        expect(() => (0, core_1.registerConverter)("a:b", { regex: "x" })).toThrow(core_1.InvalidRoute);
        expect(() => (0, core_1.registerConverter)("broken", { regex: "(" })).toThrow(/not a valid regular expression/);
        expect(() => (0, core_1.registerConverter)("flagged", { regex: "(?i)x" })).toThrow(/inline flags/);
    });
});
//# sourceMappingURL=path-converters.test.js.map