import { BlockList, isIP } from "node:net";

/** The proxies trusted by default when `trustProxyHeaders` is on: this machine (uvicorn trusts 127.0.0.1). */
export const LOOPBACK_PROXIES: readonly string[] = ["127.0.0.0/8", "::1"];

/** What is wrong with a `trustedProxies` entry, or undefined: `*`, an IP address, or a network `address/prefix`. */
export function proxyEntryProblem(entry: string): string | undefined {
  if (entry === "*") return undefined;
  const slash = entry.indexOf("/");
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return `${JSON.stringify(entry)} is not an IP address or network (e.g. "10.0.0.0/8", "::1")`;
  if (slash === -1) return undefined;
  const prefix = entry.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    return `${JSON.stringify(entry)} has prefix ${JSON.stringify(prefix)}, not a number from 0 to ${max}`;
  }
  return undefined;
}

/** An IPv4 address a dual-stack socket reports as `::ffff:a.b.c.d`, as IPv4. */
function unmapped(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The peers whose X-Forwarded-* headers are believed, as uvicorn's `forwarded_allow_ips`: a
 * header says what the peer that sent it claims, so it counts only when that peer is a proxy
 * of ours; from anyone else it is a forgery, and ignored.
 */
export class TrustedProxies {
  private static readonly compiled = new WeakMap<readonly string[], TrustedProxies>();
  private readonly all: boolean;
  private readonly list = new BlockList();

  /** One compiled list per options array (the options are resolved once per server). */
  static of(entries: readonly string[]): TrustedProxies {
    let proxies = TrustedProxies.compiled.get(entries);
    if (proxies === undefined) {
      proxies = new TrustedProxies(entries);
      TrustedProxies.compiled.set(entries, proxies);
    }
    return proxies;
  }

  /** Entries are checked by `proxyEntryProblem` first (resolveOptions does). */
  constructor(entries: readonly string[]) {
    this.all = entries.includes("*");
    for (const entry of entries) {
      if (entry === "*") continue;
      const [address, prefix] = entry.split("/") as [string, string | undefined];
      const family = isIP(address) === 4 ? "ipv4" : "ipv6";
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
  }

  trusts(address: string | undefined): boolean {
    if (address === undefined) return false;
    if (this.all) return true;
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 4 ? "ipv4" : "ipv6");
  }

  /**
   * The client an X-Forwarded-For chain names: the right-most entry that is not one of our
   * proxies (each proxy appends the peer it saw, so entries left of the first stranger could be
   * anything that stranger wrote). When every entry is trusted, or all are (`*`), the left-most.
   */
  clientOf(forwardedFor: string): string | undefined {
    const entries = forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    if (entries.length === 0) return undefined;
    if (!this.all) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i] as string;
        if (!this.trusts(entry)) return entry;
      }
    }
    return entries[0];
  }
}
