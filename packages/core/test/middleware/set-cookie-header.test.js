"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
describe("setCookieHeader", () => {
    it("writes name, encoded value and the default path", () => {
        expect((0, middleware_1.setCookieHeader)("n", "a b;c")).toBe("n=a%20b%3Bc; Path=/");
        expect((0, middleware_1.parseCookies)((0, middleware_1.setCookieHeader)("n", "a b;c").split("; ")[0])["n"]).toBe("a b;c");
    });
    it("writes every attribute", () => {
        const header = (0, middleware_1.setCookieHeader)("sid", "v", {
            maxAge: 60.7,
            domain: "example.com",
            path: "/app",
            secure: true,
            httpOnly: true,
            sameSite: "Strict",
        });
        expect(header).toMatch(/^sid=v; Max-Age=60; Expires=[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT; /);
        expect(header.endsWith("; Domain=example.com; Path=/app; Secure; HttpOnly; SameSite=Strict")).toBe(true);
    });
    it("uses an explicit expires date", () => {
        expect((0, middleware_1.setCookieHeader)("n", "v", { expires: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) })).toBe("n=v; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/");
    });
    it("rejects names and attributes that could inject header content", () => {
        expect(() => (0, middleware_1.setCookieHeader)("bad name", "v")).toThrow(middleware_1.InvalidCookie);
        expect(() => (0, middleware_1.setCookieHeader)("n", "v", { path: "/; Secure" })).toThrow(/path/);
        expect(() => (0, middleware_1.setCookieHeader)("n", "v", { domain: "a.com\r\nX: y" })).toThrow(/domain/);
        expect(() => (0, middleware_1.setCookieHeader)("n", "v", { maxAge: Number.NaN })).toThrow(/maxAge/);
    });
    it("rejects SameSite=None without Secure", () => {
        expect(() => (0, middleware_1.setCookieHeader)("n", "v", { sameSite: "None" })).toThrow(/secure/);
        expect((0, middleware_1.setCookieHeader)("n", "v", { sameSite: "None", secure: true })).toContain("SameSite=None");
    });
    it("builds a deletion header that expires at once", () => {
        expect((0, middleware_1.deleteCookieHeader)("sid", { path: "/x" })).toBe("sid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/x");
    });
});
//# sourceMappingURL=set-cookie-header.test.js.map