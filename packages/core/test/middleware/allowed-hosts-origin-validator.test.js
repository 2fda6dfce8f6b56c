"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const fake_connection_1 = require("./fake-connection");
const app = (0, middleware_1.AllowedHostsOriginValidator)((0, test_fixtures_1.acceptingApp)());
const sameHost = (host, origin) => (0, fake_connection_1.handshake)(app, (0, fake_connection_1.websocketScope)([
    ["host", host],
    ["origin", origin],
]));
describe("AllowedHostsOriginValidator without a list: same host", () => {
    it("allows an Origin matching the Host header, host and port", async () => {
        expect(await sameHost("example.com", "https://example.com")).toBe(true);
        expect(await sameHost("example.com", "http://example.com")).toBe(true);
        expect(await sameHost("localhost:8000", "http://localhost:8000")).toBe(true);
        expect(await sameHost("[::1]:8000", "http://[::1]:8000")).toBe(true);
        expect(await sameHost("Example.com:443", "https://example.com")).toBe(true);
    });
    it("denies another host or another port", async () => {
        expect(await sameHost("example.com", "https://evil.com")).toBe(false);
        expect(await sameHost("localhost:8000", "http://localhost:3000")).toBe(false);
        expect(await sameHost("example.com", "http://example.com:8080")).toBe(false);
        expect(await sameHost("api.example.com", "https://example.com")).toBe(false);
    });
    it("denies a missing Origin, a null Origin, or a missing Host", async () => {
        expect(await (0, fake_connection_1.handshake)(app, (0, fake_connection_1.websocketScope)([["host", "example.com"]]))).toBe(false);
        expect(await sameHost("example.com", "null")).toBe(false);
        expect(await (0, fake_connection_1.handshake)(app, (0, fake_connection_1.websocketScope)([["origin", "http://example.com"]]))).toBe(false);
    });
});
describe("AllowedHostsOriginValidator with ALLOWED_HOSTS patterns", () => {
    const connects = (hosts, origin) => {
        const headers = [
            ["host", "ignored.test"],
            ["origin", origin],
        ];
        return (0, fake_connection_1.handshake)((0, middleware_1.AllowedHostsOriginValidator)((0, test_fixtures_1.acceptingApp)(), hosts), (0, fake_connection_1.websocketScope)(headers));
    };
    it("matches exact hosts, subdomain wildcards and '*'", async () => {
        expect(await connects(["example.com"], "https://example.com")).toBe(true);
        expect(await connects([".example.com"], "https://chat.example.com")).toBe(true);
        expect(await connects(["*"], "https://anything.net")).toBe(true);
        expect(await connects(["example.com"], "https://chat.example.com")).toBe(false);
        expect(await connects([], "https://example.com")).toBe(false);
    });
});
//# sourceMappingURL=allowed-hosts-origin-validator.test.js.map