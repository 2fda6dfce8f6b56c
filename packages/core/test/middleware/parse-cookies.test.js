"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
describe("parseCookies", () => {
    it("parses name=value pairs separated by semicolons, trimming whitespace", () => {
        expect({ ...(0, middleware_1.parseCookies)("a=1; b=two ;c= three") }).toEqual({ a: "1", b: "two", c: "three" });
    });
    it("percent-decodes values and keeps malformed encodings as sent", () => {
        expect((0, middleware_1.parseCookies)("greeting=hello%20world%21")["greeting"]).toBe("hello world!");
        expect((0, middleware_1.parseCookies)("bad=100%zz")["bad"]).toBe("100%zz");
    });
    it("unquotes double-quoted values", () => {
        expect((0, middleware_1.parseCookies)('q="quoted value"')["q"]).toBe("quoted value");
    });
    it("keeps '=' inside values", () => {
        expect((0, middleware_1.parseCookies)("token=abc==; x=1")["token"]).toBe("abc==");
    });
    it("skips pairs without '=' or without a name instead of failing", () => {
        expect({ ...(0, middleware_1.parseCookies)("junk; =nameless; ok=1;;") }).toEqual({ ok: "1" });
    });
    it("keeps the first of repeated names (the most specific path)", () => {
        expect((0, middleware_1.parseCookies)("sessionid=inner; sessionid=outer")["sessionid"]).toBe("inner");
    });
    it("allows empty values and an empty header", () => {
        expect((0, middleware_1.parseCookies)("empty=")["empty"]).toBe("");
        expect(Object.keys((0, middleware_1.parseCookies)(""))).toEqual([]);
    });
    it("treats __proto__ and constructor as ordinary names", () => {
        const cookies = (0, middleware_1.parseCookies)("__proto__=x; constructor=y");
        expect(cookies["__proto__"]).toBe("x");
        expect(cookies["constructor"]).toBe("y");
        expect((0, middleware_1.parseCookies)("a=1")["toString"]).toBeUndefined();
    });
});
//# sourceMappingURL=parse-cookies.test.js.map