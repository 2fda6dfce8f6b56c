import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import WebSocket from "ws";
import type { Application, WebsocketScope } from "@channels-ts/core";
import { acceptingApp, closing, deferred } from "@channels-ts/test-fixtures";
import { ChannelsServer } from "../src/channels-server";
import { silentLogger } from "../src/logger";
import { resolveOptions } from "../src/options";
import { buildWebsocketScope } from "../src/scope";

/** What a ChannelsServer shares with its connections (private; read here to look at what a live connection holds). */
interface Internals {
  context: { connections: Set<object>; handshakes: WeakMap<IncomingMessage, unknown> };
}

/**
 * Whether `target` can be reached from `from` through own properties, array items, and Map
 * and Set entries, without passing through `skip` (the server's shared state, which reaches
 * every connection).
 */
function reaches(from: unknown, target: object, skip: ReadonlySet<unknown>, limit = 100_000): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [from];
  while (stack.length > 0 && seen.size < limit) {
    const value = stack.pop();
    if (value === target) return true;
    if ((typeof value !== "object" && typeof value !== "function") || value === null) continue;
    if (seen.has(value) || skip.has(value)) continue;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    if (value instanceof Set) for (const v of value) stack.push(v);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && "value" in descriptor) stack.push(descriptor.value);
    }
  }
  expect(seen.size).toBeLessThan(limit); // the walk saw everything it could reach
  return false;
}

async function serveWith(app: Application) {
  const channels = new ChannelsServer(app, resolveOptions({ logger: silentLogger, pingIntervalMs: 0 }, "serve"));
  const requests: IncomingMessage[] = [];
  const http = createServer();
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    requests.push(req);
    channels.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return { channels, requests, http, url: `ws://127.0.0.1:${port}/room/a/` };
}

test("an accepted WebSocket keeps no reference to its upgrade request", async () => {
  const { channels, requests, http, url } = await serveWith(acceptingApp());
  await using _http = closing(http);
  const ws = new WebSocket(url);
  await using _ws = closing({ close: () => ws.terminate() });
  const opened = deferred();
  ws.once("open", () => opened.resolve());
  await opened.promise;

  const { context } = channels as unknown as Internals;
  const [connection] = [...context.connections];
  const [req] = requests;
  expect(connection).toBeDefined();
  expect(req).toBeDefined();
  expect(context.handshakes.has(req!)).toBe(false);
  expect(reaches(connection, req!, new Set([context]))).toBe(false);
});

test("an accepted WebSocket keeps no reference to the scope it gave the application", async () => {
  const given = deferred<WebsocketScope>();
  const app: Application = async (scope, receive, send) => {
    await receive(); // websocket.connect
    await send({ type: "websocket.accept" });
    given.resolve(scope as WebsocketScope);
    await receive();
  };
  const { channels, http, url } = await serveWith(app);
  await using _http = closing(http);
  const ws = new WebSocket(url);
  await using _ws = closing({ close: () => ws.terminate() });
  const opened = deferred();
  ws.once("open", () => opened.resolve());
  await opened.promise;
  const scope = await given.promise;

  const { context } = channels as unknown as Internals;
  const [connection] = [...context.connections];
  // Only the path and the client stay, for the log lines; the application holds its scope itself.
  expect(reaches(connection, scope, new Set([context]))).toBe(false);
  expect(reaches(connection, scope.client!, new Set([context]))).toBe(true);
});

test("a WebSocket still waiting for its accept holds its request (ws needs it for the handshake)", async () => {
  const connected = deferred();
  const app: Application = async (_scope, receive) => {
    await receive(); // websocket.connect, never answered: the handshake stays open
    connected.resolve();
    await receive();
  };
  const { channels, requests, http, url } = await serveWith(app);
  await using _http = closing(http);
  const ws = new WebSocket(url);
  ws.on("error", () => undefined);
  await using _ws = closing({ close: () => ws.terminate() });
  await connected.promise;

  const { context } = channels as unknown as Internals;
  const [connection] = [...context.connections];
  // The walk above can find a request: this is what it would fail on.
  expect(reaches(connection, requests[0]!, new Set([context]))).toBe(true);
});

test("raw_path does not keep a slice of Node's shared Buffer pool alive", () => {
  const req = {
    url: "/room/a/?x=1",
    httpVersion: "1.1",
    rawHeaders: ["Host", "example.com"],
    headers: { host: "example.com" },
    socket: { remoteAddress: "127.0.0.1", remotePort: 5000, localAddress: "127.0.0.1", localPort: 8000 },
  } as unknown as IncomingMessage;
  const scope: WebsocketScope = buildWebsocketScope(req, resolveOptions({}, "serve"));
  const pooled = Buffer.from("x"); // a small Buffer.from is cut from the current pool
  const rawPath = scope.raw_path as Uint8Array;
  expect(Buffer.from(rawPath).toString("latin1")).toBe("/room/a/");
  expect(rawPath.buffer).not.toBe(pooled.buffer);
});

test("header names are lower-cased and values kept, whatever the sharing", () => {
  const req = {
    url: "/",
    httpVersion: "1.1",
    rawHeaders: ["Host", "a.example", "X-Custom", "One", "host", "b.example", "Sec-WebSocket-Key", "k=="],
    headers: { host: "a.example" },
    socket: { remoteAddress: "127.0.0.1", remotePort: 5000, localAddress: "127.0.0.1", localPort: 8000 },
  } as unknown as IncomingMessage;
  const options = resolveOptions({}, "serve");
  for (let i = 0; i < 2; i++) {
    expect(buildWebsocketScope(req, options).headers).toEqual([
      ["host", "a.example"],
      ["x-custom", "One"],
      ["host", "b.example"],
      ["sec-websocket-key", "k=="],
    ]);
  }
});

test("headers that are the same on most connections share one frozen pair; the others get their own", () => {
  const req = (key: string) =>
    ({
      url: "/",
      httpVersion: "1.1",
      rawHeaders: ["Host", "a.example", "Upgrade", "websocket", "Sec-WebSocket-Key", key],
      headers: { host: "a.example" },
      socket: { remoteAddress: "127.0.0.1", remotePort: 5000, localAddress: "127.0.0.1", localPort: 8000 },
    }) as unknown as IncomingMessage;
  const options = resolveOptions({}, "serve");
  const first = buildWebsocketScope(req("k1=="), options).headers;
  const second = buildWebsocketScope(req("k2=="), options).headers;
  expect(second[0]).toBe(first[0]);
  expect(second[1]).toBe(first[1]);
  expect(Object.isFrozen(first[0])).toBe(true);
  expect(second[2]).toEqual(["sec-websocket-key", "k2=="]);
  expect(second[2]).not.toBe(first[2]);
  expect(second).not.toBe(first); // the list itself is each scope's own
});
