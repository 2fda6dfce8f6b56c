import { AllowedHostsOriginValidator } from "../../src/middleware";
import type { Headers } from "../../src/types";
import { acceptingApp } from "@channels-ts/test-fixtures";
import { handshake, websocketScope } from "./fake-connection";

const app = AllowedHostsOriginValidator(acceptingApp());
const sameHost = (host: string, origin: string) =>
  handshake(
    app,
    websocketScope([
      ["host", host],
      ["origin", origin],
    ]),
  );

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
    expect(await handshake(app, websocketScope([["host", "example.com"]]))).toBe(false);
    expect(await sameHost("example.com", "null")).toBe(false);
    expect(await handshake(app, websocketScope([["origin", "http://example.com"]]))).toBe(false);
  });
});

describe("AllowedHostsOriginValidator with ALLOWED_HOSTS patterns", () => {
  const connects = (hosts: string[], origin: string) => {
    const headers: Headers = [
      ["host", "ignored.test"],
      ["origin", origin],
    ];
    return handshake(AllowedHostsOriginValidator(acceptingApp(), hosts), websocketScope(headers));
  };

  it("matches exact hosts, subdomain wildcards and '*'", async () => {
    expect(await connects(["example.com"], "https://example.com")).toBe(true);
    expect(await connects([".example.com"], "https://chat.example.com")).toBe(true);
    expect(await connects(["*"], "https://anything.net")).toBe(true);
    expect(await connects(["example.com"], "https://chat.example.com")).toBe(false);
    expect(await connects([], "https://example.com")).toBe(false);
  });
});
