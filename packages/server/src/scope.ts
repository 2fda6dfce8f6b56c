import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { decodePath, type Headers, type HostPort, type HttpScope, type WebsocketScope } from "@channels-ts/core";
import type { ResolvedServerOptions } from "./options";

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

/** Headers as ASGI has them: lower-cased names, in arrival order, duplicates kept. */
export function headerList(rawHeaders: readonly string[]): Headers {
  const headers: Headers = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    headers.push([(rawHeaders[i] as string).toLowerCase(), rawHeaders[i + 1] as string]);
  }
  return headers;
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

function endpoints(req: IncomingMessage, options: ResolvedServerOptions): Endpoints {
  const socket = req.socket;
  const client: HostPort | null =
    socket.remoteAddress === undefined ? null : [socket.remoteAddress, socket.remotePort ?? 0];
  const server: HostPort | null =
    socket.localAddress === undefined ? null : [socket.localAddress, socket.localPort ?? 0];
  let secure = (socket as TLSSocket).encrypted === true;
  if (!options.trustProxyHeaders) return { client, server, secure };
  // As Daphne: the left-most X-Forwarded-For entry is the client, and its port is only
  // taken together with it, so the pair never mixes proxy and client values.
  const forwardedFor = firstValue(req.headers["x-forwarded-for"]);
  let forwardedClient = client;
  if (forwardedFor !== undefined) {
    const port = Number(firstValue(req.headers["x-forwarded-port"]));
    forwardedClient = [forwardedFor, Number.isInteger(port) ? port : 0];
  }
  const proto = firstValue(req.headers["x-forwarded-proto"])?.toLowerCase();
  if (proto !== undefined) secure = proto === "https" || proto === "wss";
  return { client: forwardedClient, server, secure };
}

function baseScope(req: IncomingMessage, ends: Endpoints, rootPath: string) {
  const { rawPath, queryString } = splitTarget(req.url ?? "/");
  return {
    asgi: ASGI,
    http_version: req.httpVersion,
    path: decodePath(rawPath, "latin1"),
    raw_path: Buffer.from(rawPath, "latin1"),
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
  return {
    type: "websocket",
    ...baseScope(req, ends, rootPath),
    scheme: ends.secure ? "wss" : "ws",
    subprotocols: offeredSubprotocols(req),
  };
}

/** `ip:port` of the client, as the access log shows it. */
export function clientLabel(client: HostPort | null | undefined): string {
  return client ? `${client[0]}:${client[1]}` : "-";
}
