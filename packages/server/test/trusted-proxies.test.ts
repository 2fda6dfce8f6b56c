import { InvalidServerOption, serve } from "@channels-ts/server";
import { proxyEntryProblem, TrustedProxies } from "../src/trusted-proxies";

const app = async (): Promise<void> => undefined;

describe("TrustedProxies", () => {
  it("matches addresses and networks, IPv4 and IPv6, and IPv4-mapped peers", () => {
    const proxies = new TrustedProxies(["10.0.0.0/8", "192.168.1.5", "fd00::/8", "::1"]);
    expect(proxies.trusts("10.200.3.4")).toBe(true);
    expect(proxies.trusts("11.0.0.1")).toBe(false);
    expect(proxies.trusts("192.168.1.5")).toBe(true);
    expect(proxies.trusts("192.168.1.6")).toBe(false);
    expect(proxies.trusts("fd12::1")).toBe(true);
    expect(proxies.trusts("fe80::1")).toBe(false);
    expect(proxies.trusts("::1")).toBe(true);
    expect(proxies.trusts("::ffff:10.1.1.1")).toBe(true);
    expect(proxies.trusts("not-an-ip")).toBe(false);
    expect(proxies.trusts(undefined)).toBe(false);
  });

  it("takes the right-most untrusted X-Forwarded-For entry, or the left-most when all are trusted", () => {
    const proxies = new TrustedProxies(["10.0.0.0/8"]);
    expect(proxies.clientOf("1.1.1.1, 2.2.2.2, 10.0.0.2")).toBe("2.2.2.2");
    expect(proxies.clientOf("10.0.0.3,10.0.0.2")).toBe("10.0.0.3");
    expect(proxies.clientOf(" , ")).toBeUndefined();
    expect(new TrustedProxies(["*"]).clientOf("1.1.1.1, 2.2.2.2")).toBe("1.1.1.1");
  });

  it("names what is wrong with an entry", () => {
    expect(proxyEntryProblem("10.0.0.0/8")).toBeUndefined();
    expect(proxyEntryProblem("*")).toBeUndefined();
    expect(proxyEntryProblem("10.0.0.0/33")).toMatch(/prefix "33", not a number from 0 to 32/);
    expect(proxyEntryProblem("proxy.local")).toMatch(/"proxy.local" is not an IP address or network/);
  });

  it("serve() refuses a bad list, and a list without trustProxyHeaders, naming the option", async () => {
    await expect(serve(app, { port: 0, trustProxyHeaders: true, trustedProxies: ["10.0.0.0/40"] })).rejects.toThrow(
      /Invalid option trustedProxies: expected addresses and networks: "10.0.0.0\/40" has prefix/,
    );
    await expect(serve(app, { port: 0, trustedProxies: ["10.0.0.1"] })).rejects.toThrow(InvalidServerOption);
    await expect(serve(app, { port: 0, trustedProxies: ["10.0.0.1"] })).rejects.toThrow(
      /trustedProxies and trustProxyHeaders: false conflict/,
    );
  });
});
