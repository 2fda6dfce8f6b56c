"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const fake_connection_1 = require("./fake-connection");
function connects(patterns, headers) {
    return (0, fake_connection_1.handshake)((0, middleware_1.OriginValidator)((0, test_fixtures_1.acceptingApp)(), patterns), (0, fake_connection_1.websocketScope)(headers));
}
const origin = (value) => [["origin", value]];
describe("OriginValidator (ported from channels tests/security/test_websocket.py)", () => {
    it("allows a listed domain and denies another", async () => {
        expect(await connects(["allowed-domain.com"], origin("http://allowed-domain.com"))).toBe(true);
        expect(await connects(["allowed-domain.com"], origin("http://bad-domain.com"))).toBe(false);
    });
    it("rejects the never-matching '*.domain' pattern at construction, naming it", () => {
        expect(() => (0, middleware_1.OriginValidator)((0, test_fixtures_1.acceptingApp)(), ["*.allowed-domain.com"])).toThrow(middleware_1.MiddlewareConfigError);
        expect(() => (0, middleware_1.OriginValidator)((0, test_fixtures_1.acceptingApp)(), ["*.allowed-domain.com"])).toThrow(/\*\.allowed-domain\.com/);
    });
    it("lets a leading dot match the domain and its subdomains only", async () => {
        const patterns = [".allowed-domain.com"];
        expect(await connects(patterns, origin("http://www.allowed-domain.com"))).toBe(true);
        expect(await connects(patterns, origin("https://a.b.allowed-domain.com"))).toBe(true);
        expect(await connects(patterns, origin("http://allowed-domain.com"))).toBe(true);
        expect(await connects(patterns, origin("http://notallowed-domain.com"))).toBe(false);
        expect(await connects(patterns, origin("http://allowed-domain.com.evil.net"))).toBe(false);
    });
    it("matches scheme and port when the pattern has a scheme", async () => {
        expect(await connects(["http://allowed-domain.com"], origin("http://allowed-domain.com"))).toBe(true);
        expect(await connects(["http://allowed-domain.com"], origin("http://allowed-domain.com:80"))).toBe(true);
        expect(await connects(["http://allowed-domain.com"], origin("https://bad-domain.com:443"))).toBe(false);
        expect(await connects(["http://allowed-domain.com"], origin("https://allowed-domain.com"))).toBe(false);
        expect(await connects(["http://allowed-domain.com"], origin("http://allowed-domain.com:8000"))).toBe(false);
        expect(await connects(["https://example.com:8443"], origin("https://example.com:8443"))).toBe(true);
        expect(await connects(["https://example.com:8443"], origin("https://example.com"))).toBe(false);
        expect(await connects(["https://.example.com"], origin("https://api.example.com"))).toBe(true);
    });
    it("ignores scheme and port for a bare host pattern", async () => {
        expect(await connects(["example.com"], origin("https://example.com:8443"))).toBe(true);
        expect(await connects(["Example.COM"], origin("http://EXAMPLE.com"))).toBe(true);
    });
    it("allows everything, even a missing Origin, with '*'", async () => {
        expect(await connects(["*"], [])).toBe(true);
        expect(await connects(["*"], origin("null"))).toBe(true);
    });
    it("denies a missing Origin without '*', and everything with an empty list", async () => {
        expect(await connects([], [])).toBe(false);
        expect(await connects(["example.com"], [])).toBe(false);
        expect(await connects([], origin("http://example.com"))).toBe(false);
    });
    it("denies empty, invalid and null origins", async () => {
        expect(await connects([".allowed-domain.com"], origin(""))).toBe(false);
        expect(await connects([".allowed-domain.com"], origin("something-invalid"))).toBe(false);
        expect(await connects(["example.com"], origin("null"))).toBe(false);
    });
    it("denies a handshake carrying two Origin headers", async () => {
        const headers = [
            ["origin", "http://example.com"],
            ["origin", "http://example.com"],
        ];
        expect(await connects(["example.com"], headers)).toBe(false);
    });
    it("never runs the application for a denied handshake, and closes with 1008", async () => {
        const inner = jest.fn((0, test_fixtures_1.acceptingApp)());
        const app = (0, middleware_1.OriginValidator)(inner, ["example.com"]);
        const conn = (0, fake_connection_1.fakeConnection)({ type: "websocket.connect" });
        const running = app((0, fake_connection_1.websocketScope)(origin("http://evil.com")), conn.receive, conn.send);
        expect(await conn.nextSent()).toEqual({ type: "websocket.close", code: 1008 });
        conn.push({ type: "websocket.receive", text: "ignored" });
        conn.push({ type: "websocket.disconnect", code: 1006 });
        await running;
        expect(inner).not.toHaveBeenCalled();
        expect(conn.sent).toHaveLength(1);
    });
    it("passes non-websocket scopes through unchanged", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const scope = (0, fake_connection_1.httpScope)(origin("http://evil.com"));
        await (0, middleware_1.OriginValidator)(app, ["example.com"])(scope, (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(seen).toEqual([scope]);
    });
    it("returns a named function", () => {
        expect((0, middleware_1.OriginValidator)((0, test_fixtures_1.acceptingApp)(), ["*"]).name).toBe("originValidator");
    });
});
//# sourceMappingURL=origin-validator.test.js.map