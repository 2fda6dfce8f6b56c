"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
async function cookiesSeen(scope) {
    const { app, seen } = (0, fake_connection_1.scopeRecorder)();
    const conn = (0, fake_connection_1.fakeConnection)();
    await (0, middleware_1.CookieMiddleware)(app)(scope, conn.receive, conn.send);
    return { ...seen[0]?.["cookies"] };
}
describe("CookieMiddleware", () => {
    it("puts the parsed cookie header in scope.cookies", async () => {
        expect(await cookiesSeen((0, fake_connection_1.websocketScope)([["cookie", "a=1; b=2"]]))).toEqual({ a: "1", b: "2" });
    });
    it("reads several cookie headers as one", async () => {
        expect(await cookiesSeen((0, fake_connection_1.httpScope)([
            ["cookie", "a=1"],
            ["host", "x"],
            ["cookie", "b=2"],
        ]))).toEqual({ a: "1", b: "2" });
    });
    it("gives empty cookies without a cookie header or without headers at all", async () => {
        expect(await cookiesSeen((0, fake_connection_1.httpScope)([]))).toEqual({});
        expect(await cookiesSeen({ type: "lifespan" })).toEqual({});
    });
    it("returns a named function", () => {
        expect((0, middleware_1.CookieMiddleware)((0, fake_connection_1.scopeRecorder)().app).name).toBe("cookieMiddleware");
    });
});
//# sourceMappingURL=cookie-middleware.test.js.map