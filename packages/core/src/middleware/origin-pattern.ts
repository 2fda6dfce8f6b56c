import { MiddlewareConfigError } from "./errors";

/** An Origin header, parsed; the port is filled in from the scheme when implicit. */
export interface ParsedOrigin {
  scheme: string;
  hostname: string;
  port: number | null;
}

interface OriginPattern {
  /** null: any scheme and any port (a bare host pattern). */
  scheme: string | null;
  port: number | null;
  /** Lower-case host; for a ".example.com" pattern, "example.com". */
  host: string;
  /** ".example.com" matches example.com and every subdomain. */
  subdomains: boolean;
}

/** Compiled allowed-origin patterns: built once per middleware, tested once per handshake. */
export interface OriginMatcher {
  readonly allowsAll: boolean;
  matches(origin: ParsedOrigin): boolean;
}

const WITH_SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(.*?)\/?$/;
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[^\s:/?#@[\]*]+)(?::(\d{1,5}))?$/;

export function defaultPort(scheme: string): number | null {
  if (scheme === "http" || scheme === "ws") return 80;
  if (scheme === "https" || scheme === "wss") return 443;
  return null;
}

/** Lower-cases and drops a trailing dot, which DNS ignores ("example.com." is example.com). */
export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/**
 * Parses an Origin header value. Missing, empty, `null` (sandboxed frames, file: pages) and
 * unparsable values give null: they name no origin that a pattern could allow.
 */
export function parseOrigin(value: string | undefined): ParsedOrigin | null {
  if (value === undefined || value === "" || value === "null") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.hostname === "") return null;
  const scheme = url.protocol.slice(0, -1);
  return {
    scheme,
    hostname: normalizeHost(url.hostname),
    port: url.port === "" ? defaultPort(scheme) : Number(url.port),
  };
}

const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[^\s:/?#@[\]]+)(?::(\d{1,5}))?$/;

/**
 * Whether `origin` is the host a request's Host header names: same host and same port, where a
 * Host without a port means the default port of the Origin's scheme (a browser leaves the port
 * out exactly when it is the default). Shared by AllowedHostsOriginValidator and the server's check.
 */
export function isSameHost(origin: ParsedOrigin, hostHeader: string): boolean {
  const match = HOST_HEADER.exec(hostHeader);
  if (match === null) return false;
  const port = match[2] === undefined ? defaultPort(origin.scheme) : Number(match[2]);
  return normalizeHost(match[1] as string) === origin.hostname && port === origin.port;
}

/**
 * Compiles patterns as Channels' OriginValidator reads them: "*" allows every origin (even a
 * missing one); "example.com" that host under any scheme and port; ".example.com" that host
 * and its subdomains; "https://example.com:8443" (or "http://.example.com") also requires the
 * scheme and the port, which defaults from the scheme. A port on a bare host is ignored, as in
 * Channels. A pattern that can never match, such as "*.example.com", is rejected here.
 */
export function compileOriginPatterns(patterns: readonly string[]): OriginMatcher {
  if (!Array.isArray(patterns)) {
    throw new MiddlewareConfigError(`Allowed origins must be an array of strings, got ${String(patterns)}.`);
  }
  const allowsAll = patterns.includes("*");
  const compiled = allowsAll ? [] : patterns.map(compilePattern);
  return {
    allowsAll,
    matches(origin) {
      for (const pattern of compiled) {
        if (pattern.scheme !== null && (pattern.scheme !== origin.scheme || pattern.port !== origin.port)) continue;
        if (hostMatches(origin.hostname, pattern)) return true;
      }
      return allowsAll;
    },
  };
}

function compilePattern(raw: string): OriginPattern {
  const text = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  const withScheme = WITH_SCHEME.exec(text);
  const scheme = withScheme ? (withScheme[1] as string) : null;
  let hostPort = withScheme ? (withScheme[2] as string) : text;
  const subdomains = hostPort.startsWith(".");
  if (subdomains) hostPort = hostPort.slice(1);
  const match = HOST_PORT.exec(hostPort);
  if (match === null) {
    throw new MiddlewareConfigError(
      `Allowed origin ${JSON.stringify(raw)} is not a pattern: use "*", "example.com", ".example.com" (with subdomains) ` +
        `or "https://example.com:8443".`,
    );
  }
  const port = match[2] === undefined ? (scheme === null ? null : defaultPort(scheme)) : Number(match[2]);
  return { scheme, port: scheme === null ? null : port, host: normalizeHost(match[1] as string), subdomains };
}

function hostMatches(hostname: string, pattern: OriginPattern): boolean {
  if (hostname === pattern.host) return true;
  return (
    pattern.subdomains &&
    hostname.length > pattern.host.length + 1 &&
    hostname.endsWith(pattern.host) &&
    hostname.charCodeAt(hostname.length - pattern.host.length - 1) === 46 // "."
  );
}
