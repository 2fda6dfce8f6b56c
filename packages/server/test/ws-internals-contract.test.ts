/**
 * The private parts of `ws` that direct frame writes rely on (src/ws-internals.ts). When this
 * file fails after a `ws` upgrade, read the new lib/websocket.js and lib/sender.js, adapt
 * ws-internals.ts, and pin the new version.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import WebSocket from "ws";
import { encodeFrame } from "../src/shared-frame";
import { directSocket, directWritesUsable, writeFrame } from "../src/ws-internals";
import { record, startWsServer } from "./fixtures/ws-pair";

const wsVersion = (JSON.parse(readFileSync(require.resolve("ws/package.json"), "utf8")) as { version: string }).version;
const pinned = (
  JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { dependencies: Record<string, string> }
).dependencies.ws;

type Internals = Record<string, unknown> & { _sender: Record<string, unknown>; _socket: Duplex };
const internals = (ws: WebSocket): Internals => ws as unknown as Internals;

test("the installed ws is exactly the version pinned in package.json", () => {
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  expect(wsVersion).toBe(pinned);
});

test("the fields read exist with the types relied on, on a live server-side socket", async () => {
  expect(directWritesUsable()).toBe(true);
  await using server = await startWsServer();
  const { peer } = await server.openPair();
  const w = internals(peer);
  expect(w._readyState).toBe(WebSocket.OPEN);
  expect(w._isServer).toBe(true);
  expect(w._extensions).toEqual({});
  expect(peer.extensions).toBe("");
  expect(w._socket).toBe(w._sender._socket);
  expect(w._sender._state).toBe(0);
  expect(w._sender._queue).toEqual([]);
  expect(w._sender._bufferedBytes).toBe(0);
  expect(w._sender._firstFragment).toBe(true);
  expect(directSocket(peer)).toBe(w._socket);
});

test("bufferedAmount counts a frame written directly while it waits in the socket", async () => {
  await using server = await startWsServer();
  const { peer } = await server.openPair();
  const socket = internals(peer)._socket;
  const frame = encodeFrame("x".repeat(300));
  socket.cork();
  expect(peer.bufferedAmount).toBe(0);
  expect(writeFrame(peer, frame)).toBe(true);
  expect(peer.bufferedAmount).toBe(frame.length);
  socket.uncork();
});

const multiByte = "héllo € 𝄞 \ud800 ✓";
const payloads: Array<[string, string | Uint8Array]> = [
  ...[0, 1, 125, 126, 65535, 65536].map((n): [string, string] => [`text of ${n} bytes`, "a".repeat(n)]),
  ["multi-byte UTF-8 text (and a lone surrogate)", multiByte],
  ["multi-byte text longer than 65535 bytes", "€".repeat(21846)],
  ...[0, 125, 126, 65536].map((n): [string, Uint8Array] => [
    `bytes of length ${n}`,
    Uint8Array.from({ length: n }, (_, i) => i & 0xff),
  ]),
];

test.each(payloads)("the frame for %s is byte for byte what ws.send puts on the wire", async (_name, payload) => {
  await using server = await startWsServer();
  const { raw, peer } = await server.openRaw();
  const frame = encodeFrame(payload);
  peer.send(payload);
  const fromWs = await raw.read(frame.length);
  expect(writeFrame(peer, frame)).toBe(true);
  const fromFrame = await raw.read(frame.length);
  expect(fromFrame.equals(fromWs)).toBe(true);
  raw.destroy();
});

test("a socket that negotiated permessage-deflate is refused", async () => {
  await using server = await startWsServer({ threshold: 0 });
  const { peer } = await server.openPair();
  expect(peer.extensions).toBe("permessage-deflate");
  expect(directSocket(peer)).toBeUndefined();
  expect(writeFrame(peer, encodeFrame("x"))).toBe(false);
});

test("a socket whose Sender holds a send back is refused until it is written", async () => {
  await using server = await startWsServer();
  const { peer, client } = await server.openPair();
  const received = record(client);
  peer.send(new Blob(["blob"])); // read asynchronously: the Sender waits for it
  expect(internals(peer)._sender._state).not.toBe(0);
  expect(writeFrame(peer, encodeFrame("too early"))).toBe(false);
  peer.send("queued");
  expect(internals(peer)._sender._queue).toHaveLength(1);
  expect(directSocket(peer)).toBeUndefined();
  await received.until(2);
  expect(writeFrame(peer, encodeFrame("after"))).toBe(true);
  expect(await received.until(3)).toEqual(["bytes:626c6f62", "queued", "after"]);
});

test("each sign of a held-back send refuses on its own", async () => {
  await using server = await startWsServer();
  const { peer } = await server.openPair();
  const sender = internals(peer)._sender as { _state: number; _queue: unknown[]; _bufferedBytes: number };
  const frame = encodeFrame("x");
  const refusedWhile = (change: () => void, undo: () => void): boolean => {
    change();
    const written = writeFrame(peer, frame);
    undo();
    return written;
  };
  expect(
    refusedWhile(
      () => (sender._state = 1),
      () => (sender._state = 0),
    ),
  ).toBe(false);
  expect(
    refusedWhile(
      () => sender._queue.push([]),
      () => sender._queue.pop(),
    ),
  ).toBe(false);
  expect(
    refusedWhile(
      () => (sender._bufferedBytes = 1),
      () => (sender._bufferedBytes = 0),
    ),
  ).toBe(false);
  expect(writeFrame(peer, frame)).toBe(true);
});

test("a socket in the middle of a fragmented message is refused until its last fragment", async () => {
  await using server = await startWsServer();
  const { peer, client } = await server.openPair();
  const received = record(client);
  peer.send("frag", { fin: false });
  expect(writeFrame(peer, encodeFrame("inside"))).toBe(false);
  peer.send("ment", { fin: true });
  expect(writeFrame(peer, encodeFrame("next"))).toBe(true);
  expect(await received.until(2)).toEqual(["fragment", "next"]);
});

test("a closing socket and a client-side socket are refused", async () => {
  await using server = await startWsServer();
  const { peer, client } = await server.openPair();
  expect(directSocket(client)).toBeUndefined();
  peer.close(1000);
  expect(peer.readyState).toBe(WebSocket.CLOSING);
  expect(writeFrame(peer, encodeFrame("late"))).toBe(false);
});

test("a socket missing a field is refused without throwing", async () => {
  await using server = await startWsServer();
  const { peer } = await server.openPair();
  delete internals(peer)._sender._queue;
  expect(() => writeFrame(peer, encodeFrame("x"))).not.toThrow();
  expect(writeFrame(peer, encodeFrame("x"))).toBe(false);
});

test("a ws whose Sender lacks a field switches direct writes off for good, without throwing", () => {
  jest.isolateModules(() => {
    jest.doMock("ws", () => {
      const real = jest.requireActual<typeof WebSocket & { Sender: new (...args: unknown[]) => object }>("ws");
      class ChangedSender extends real.Sender {
        constructor(...args: unknown[]) {
          super(...args);
          delete (this as Record<string, unknown>)._queue;
        }
      }
      class ChangedWebSocket extends real {
        static override Sender = ChangedSender;
      }
      return ChangedWebSocket;
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy under the changed ws
    const isolated = require("../src/ws-internals") as typeof import("../src/ws-internals");
    expect(isolated.directWritesUsable()).toBe(false);
    expect(isolated.directWritesUsable()).toBe(false);
  });
});
