"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
describe("CookieSigner", () => {
    it("round-trips a value", () => {
        const signer = new middleware_1.CookieSigner("s3cret");
        const signed = signer.sign("abc.def");
        expect(signed.startsWith("abc.def.")).toBe(true);
        expect(signer.unsign(signed)).toBe("abc.def");
    });
    it("rejects forged, truncated, unsigned and non-ASCII values without throwing", () => {
        const signer = new middleware_1.CookieSigner("s3cret");
        const signed = signer.sign("key");
        const forged = signed.slice(0, -1) + (signed.endsWith("A") ? "B" : "A");
        expect(signer.unsign(forged)).toBeNull();
        expect(signer.unsign("other" + signed.slice(3))).toBeNull();
        expect(signer.unsign(signed.slice(0, -2))).toBeNull();
        expect(signer.unsign("key")).toBeNull();
        expect(signer.unsign("")).toBeNull();
        expect(signer.unsign("key." + "é".repeat(43))).toBeNull();
    });
    it("rejects a value signed with another secret or another salt", () => {
        const signed = new middleware_1.CookieSigner("one").sign("key");
        expect(new middleware_1.CookieSigner("two").unsign(signed)).toBeNull();
        expect(new middleware_1.CookieSigner("one", "other-salt").unsign(signed)).toBeNull();
    });
    it("signs with the first secret and accepts any listed one (rotation)", () => {
        const oldSigned = new middleware_1.CookieSigner("old").sign("key");
        const rotated = new middleware_1.CookieSigner(["new", "old"]);
        expect(rotated.unsign(oldSigned)).toBe("key");
        expect(new middleware_1.CookieSigner("new").unsign(rotated.sign("key"))).toBe("key");
        expect(new middleware_1.CookieSigner("old").unsign(rotated.sign("key"))).toBeNull();
    });
    it("refuses an empty secret or secret list", () => {
        expect(() => new middleware_1.CookieSigner("")).toThrow(middleware_1.MiddlewareConfigError);
        expect(() => new middleware_1.CookieSigner([])).toThrow(middleware_1.MiddlewareConfigError);
        expect(() => new middleware_1.CookieSigner(["ok", ""])).toThrow(/secret/);
    });
});
//# sourceMappingURL=cookie-signer.test.js.map