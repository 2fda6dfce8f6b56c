import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { decodePath, type Headers, type HostPort, type HttpScope, type WebsocketScope } from "@channels-ts/core";
import type { ResolvedServerOptions } from "./options";
import { TrustedProxies } from "./trusted-proxies";

const ASGI = { version: "3.0", spec_version: "2.3" } as const;

/** Splits a request target into its raw path and raw query string (without the `?`). */
export function splitTarget(url: string): { rawPath: string; queryString: string } {
  let target = url;
  // Absolute-form targets ("GET http://host/path") are legal HTTP/1.1; ASGI wants only the path.
  if (!target.startsWith("/") && /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const slash = target.indexOf("/", target.indexOf("//") + 2);
    target = slash === -1 ? "/" : target.slice(slash);
  }
  const q = target.indexOf("?");
  return q === -1
    ? { rawPath: target, queryString: "" }
    : { rawPath: target.slice(0, q), queryString: target.slice(q + 1) };
}

/**
 * Lower-cased header names, and the values of headers that are the same on most requests, kept
 * once for the process rather than once per connection (every scope holds its headers for as
 * long as it lives). Bounded: names and values come from the network, so past `SHARED_LIMIT`
 * entries, or for long texts, a string is used as it is.
 */
const SHARED_LIMIT = 1024;
const SHARED_MAX_LENGTH = 128;
const lowerNames = new Map<string, string>();
/**
 * Headers whose value is usually one of a few (unlike sec-websocket-key, cookie, ...): their
 * `[name, value]` pairs are shared, one frozen pair per value for the process (as ASGI's
 * two-item iterables and Python's tuples, a pair is not for changing; a pair costs 48 bytes).
 */
const sharedPairs = new Map<string, Map<string, [string, string]>>(
  [
    "host",
    "connection",
    "upgrade",
    "sec-websocket-version",
    "sec-websocket-extensions",
    "origin",
    "user-agent",
    "accept",
    "accept-encoding",
    "accept-language",
    "cache-control",
    "pragma",
  ].map((name) => [name, new Map<string, [string, string]>()]),
);
let sharedCount = 0;

function shared(table: Map<string, string>, key: string, text: string): string {
  const known = table.get(key);
  if (known !== undefined) return known;
  if (sharedCount < SHARED_LIMIT && key.length <= SHARED_MAX_LENGTH) {
    table.set(key, text);
    sharedCount++;
  }
  return text;
}

function sharedPair(pairs: Map<string, [string, string]>, name: string, value: string): [string, string] {
  const known = pairs.get(value);
  if (known !== undefined) return known;
  const pair = Object.freeze([name, value]) as [string, string];
  if (sharedCount < SHARED_LIMIT && value.length <= SHARED_MAX_LENGTH) {
    pairs.set(value, pair);
    sharedCount++;
  }
  return pair;
}

/** Headers as ASGI has them: lower-cased names, in arrival order, duplicates kept. */
export function headerList(rawHeaders: readonly string[]): Headers {
  const count = rawHeaders.length >> 1;
  // Sized once: a list grown by push keeps its slack for as long as the scope lives.
  const headers: Headers = new Array<[string, string]>(count);
  for (let i = 0; i < count; i++) {
    const raw = rawHeaders[2 * i] as string;
    const name = lowerNames.get(raw) ?? shared(lowerNames, raw, raw.toLowerCase());
    const value = rawHeaders[2 * i + 1] as string;
    const pairs = sharedPairs.get(name);
    headers[i] = pairs === undefined ? [name, value] : sharedPair(pairs, name, value);
  }
  return headers;
}

/**
 * `raw_path` bytes come from a 4 KiB slab that holds only request paths: a small Buffer from
 * Node's shared pool would keep that whole 8 KiB pool (any small Buffer's bytes) alive for as
 * long as its scope lives (a WebSocket's: hours). A slab lives as long as its last scope.
 */
const SLAB_SIZE = 4096;
let slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
let slabUsed = 0;

/** `text` (one byte per character, as node:http decodes a request target) as bytes. */
function latin1Bytes(text: string): Buffer {
  const length = text.length;
  if (length > SLAB_SIZE / 16) {
    const bytes = Buffer.allocUnsafeSlow(length);
    bytes.write(text, "latin1");
    return bytes;
  }
  if (slabUsed + length > SLAB_SIZE) {
    slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
    slabUsed = 0;
  }
  const start = slabUsed;
  slabUsed += slab.write(text, start, "latin1");
  return slab.subarray(start, slabUsed);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const first = raw.split(",")[0]?.trim();
  return first === undefined || first === "" ? undefined : first;
}

interface Endpoints {
  client: HostPort | null;
  server: HostPort | null;
  secure: boolean;
}

/** Addresses: the server's is the same on every connection, and clients behind one proxy or NAT share one. */
const addresses = new Map<string, string>();

/** node:http makes the version text afresh for every request; a scope holds one of two constants. */
function httpVersion(req: IncomingMessage): string {
  const version = req.httpVersion;
  return version === "1.1" ? "1.1" : version === "1.0" ? "1.0" : version;
}

/** Every value of a header that may come more than once, as one comma-separated list. */
function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Whether the request's X-Forwarded-* headers are believed: `trustProxyHeaders` is on and the
 * direct peer is one of `trustedProxies`.
 */
function fromTrustedProxy(req: IncomingMessage, options: ResolvedServerOptions): boolean {
  return options.trustProxyHeaders && TrustedProxies.of(options.trustedProxies).trusts(req.socket.remoteAddress);
}

/**
 * The client's address: the peer's, or, from a trusted proxy, the right-most X-Forwarded-For
 * entry that is not itself a trusted proxy (uvicorn's rule). Its port is X-Forwarded-Port's
 * first value when a forwarded address is taken (0 without one), so the pair never mixes proxy
 * and client values.
 */
export function resolveClient(req: IncomingMessage, options: ResolvedServerOptions): HostPort | null {
  const socket = req.socket;
  const remote = socket.remoteAddress;
  const direct: HostPort | null =
    remote === undefined ? null : [shared(addresses, remote, remote), socket.remotePort ?? 0];
  if (!fromTrustedProxy(req, options)) return direct;
  const forwardedFor = joined(req.headers["x-forwarded-for"]);
  const address =
    forwardedFor === undefined ? undefined : TrustedProxies.of(options.trustedProxies).clientOf(forwardedFor);
  if (address === undefined) return direct;
  const port = Number(firstValue(req.headers["x-forwarded-port"]));
  return [shared(addresses, address, address), Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 0];
}

function endpoints(req: IncomingMessage, options: ResolvedServerOptions): Endpoints {
  const socket = req.socket;
  const local = socket.localAddress;
  const server: HostPort | null = local === undefined ? null : [shared(addresses, local, local), socket.localPort ?? 0];
  let secure = (socket as TLSSocket).encrypted === true;
  const client = resolveClient(req, options);
  if (fromTrustedProxy(req, options)) {
    const proto = firstValue(req.headers["x-forwarded-proto"])?.toLowerCase();
    if (proto !== undefined) secure = proto === "https" || proto === "wss";
  }
  return { client, server, secure };
}

function baseScope(req: IncomingMessage, ends: Endpoints, rootPath: string) {
  const { rawPath, queryString } = splitTarget(req.url ?? "/");
  return {
    asgi: ASGI,
    http_version: httpVersion(req),
    path: decodePath(rawPath, "latin1"),
    raw_path: latin1Bytes(rawPath),
    query_string: queryString,
    root_path: rootPath,
    headers: headerList(req.rawHeaders),
    client: ends.client,
    server: ends.server,
  };
}

/** `rootPath` is the mount point the request arrived under (`attach()`'s `paths`), else `options.rootPath`. */
export function buildHttpScope(
  req: IncomingMessage,
  options: ResolvedServerOptions,
  rootPath = options.rootPath,
): HttpScope {
  const ends = endpoints(req, options);
  return {
    type: "http",
    ...baseScope(req, ends, rootPath),
    method: (req.method ?? "GET").toUpperCase(),
    scheme: ends.secure ? "https" : "http",
  };
}

/** The subprotocols a client offers, in its order of preference. */
export function offeredSubprotocols(req: IncomingMessage): string[] {
  const header = req.headers["sec-websocket-protocol"];
  if (header === undefined) return [];
  const list: string[] = [];
  for (const part of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const name = part.trim();
    if (name !== "") list.push(name);
  }
  return list;
}

export function buildWebsocketScope(
  req: IncomingMessage,
  options: ResolvedServerOptions,
  rootPath = options.rootPath,
): WebsocketScope {
  const ends = endpoints(req, options);
  const { rawPath, queryString } = splitTarget(req.url ?? "/");
  // baseScope's keys, written out: one literal keeps every key in the object itself (a spread
  // in the middle leaves most of them in a separate property array) for as long as it lives.
  return {
    type: "websocket",
    asgi: ASGI,
    http_version: httpVersion(req),
    path: decodePath(rawPath, "latin1"),
    raw_path: latin1Bytes(rawPath),
    query_string: queryString,
    root_path: rootPath,
    headers: headerList(req.rawHeaders),
    client: ends.client,
    server: ends.server,
    scheme: ends.secure ? "wss" : "ws",
    subprotocols: offeredSubprotocols(req),
  };
}

/** `ip:port` of the client, as the access log shows it. */
export function clientLabel(client: HostPort | null | undefined): string {
  return client ? `${client[0]}:${client[1]}` : "-";
}
