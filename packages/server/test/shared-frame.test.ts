import type { Duplex } from "node:stream";
import type WebSocket from "ws";
import { FrameCache, encodeFrame } from "../src/shared-frame";
import { record, startWsServer } from "./fixtures/ws-pair";

const nextCheckPhase = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const rawSocket = (ws: WebSocket): Duplex => (ws as unknown as { _socket: Duplex })._socket;

test("the same string is framed once per turn of the event loop, and forgotten after it", async () => {
  const cache = new FrameCache();
  const text = "hello, room";
  const frame = cache.frameFor(text);
  expect(cache.frameFor(text)).toBe(frame);
  expect(cache.frameFor(`hello, ${"room"}`)).toBe(frame); // equal value, another string object
  expect(cache.size).toBe(1);
  await nextCheckPhase();
  expect(cache.size).toBe(0);
  expect(cache.frameFor(text)).not.toBe(frame);
  expect(cache.frameFor(text).equals(frame)).toBe(true);
});

test("bytes changed after they were framed are framed again", () => {
  const cache = new FrameCache();
  const bytes = Uint8Array.from([1, 2, 3]);
  const first = cache.frameFor(bytes);
  expect(cache.frameFor(bytes)).toBe(first);
  bytes[1] = 9;
  const second = cache.frameFor(bytes);
  expect(second).not.toBe(first);
  expect([...second]).toEqual([0x82, 3, 1, 9, 3]);
  expect([...first]).toEqual([0x82, 3, 1, 2, 3]); // a frame already handed out never changes
});

test("the cache is bounded by entries and by bytes, oldest out first, and skips large payloads", () => {
  const cache = new FrameCache({ maxPayloadLength: 1000, maxEntries: 3, maxBytes: 2000 });
  const frames = ["a", "b", "c", "d"].map((text) => cache.frameFor(text));
  expect(cache.size).toBe(3);
  expect(cache.frameFor("a")).not.toBe(frames[0]);
  expect(cache.frameFor("d")).toBe(frames[3]);
  // Three frames of 904 bytes: the third one pushes the first out of the 2000 bytes.
  const bigs = ["x", "y", "z"].map((c) => c.repeat(900));
  const bigFrames = bigs.map((text) => cache.frameFor(text));
  expect(cache.size).toBe(2);
  expect(cache.frameFor(bigs[2]!)).toBe(bigFrames[2]);
  expect(cache.frameFor(bigs[1]!)).toBe(bigFrames[1]);
  expect(cache.frameFor(bigs[0]!)).not.toBe(bigFrames[0]);
  const huge = "z".repeat(1001);
  expect(cache.frameFor(huge)).not.toBe(cache.frameFor(huge));
});

test("frames sent to many sockets arrive intact and in order among ws.send frames and pings", async () => {
  await using server = await startWsServer();
  const pairs = [await server.openPair(), await server.openPair(), await server.openPair()];
  const recorders = pairs.map(({ client }) => record(client));
  const cache = new FrameCache();
  const expected: string[] = [];
  for (let i = 0; i < 200; i++) {
    const text = `message ${i} ${"é".repeat(i)}`;
    const bytes = Uint8Array.from([i & 0xff, 0, 255]);
    for (const { peer } of pairs) {
      cache.send(peer, text);
      if (i % 7 === 0) peer.send(`direct ${i}`);
      if (i % 11 === 0) peer.ping();
      if (i % 5 === 0) cache.send(peer, bytes);
    }
    expected.push(text);
    if (i % 7 === 0) expected.push(`direct ${i}`);
    if (i % 11 === 0) expected.push("ping");
    if (i % 5 === 0) expected.push(`bytes:${Buffer.from(bytes).toString("hex")}`);
    if (i % 50 === 0) await nextCheckPhase(); // let some writes go out and the cache clear between bursts
  }
  for (const recorder of recorders) expect(await recorder.until(expected.length)).toEqual(expected);
});

test("frames written to a corked socket leave in order when it is uncorked", async () => {
  await using server = await startWsServer();
  const { client, peer } = await server.openPair();
  const received = record(client);
  const cache = new FrameCache();
  rawSocket(peer).cork();
  cache.send(peer, "one");
  peer.send("two");
  cache.send(peer, "three");
  expect(peer.bufferedAmount).toBeGreaterThanOrEqual(encodeFrame("one").length + encodeFrame("three").length);
  process.nextTick(() => rawSocket(peer).uncork());
  expect(await received.until(3)).toEqual(["one", "two", "three"]);
});

test("a client that negotiated permessage-deflate receives every message through ws.send", async () => {
  await using server = await startWsServer({ threshold: 0 });
  const plain = await server.openPair({ perMessageDeflate: false });
  const deflating = await server.openPair();
  expect(deflating.peer.extensions).toBe("permessage-deflate");
  const cache = new FrameCache();
  const expected = Array.from({ length: 50 }, (_, i) => `compressible ${"abc".repeat(i)}`);
  const recorders = [record(plain.client), record(deflating.client)];
  for (const text of expected) {
    cache.send(deflating.peer, text); // while it deflates, this send must wait in ws's queue
    cache.send(plain.peer, text);
  }
  for (const recorder of recorders) expect(await recorder.until(expected.length)).toEqual(expected);
});

test("payloads over the cacheable length go through ws.send and still arrive", async () => {
  await using server = await startWsServer();
  const { client, peer } = await server.openPair();
  const received = record(client);
  const cache = new FrameCache({ maxPayloadLength: 10, maxEntries: 8, maxBytes: 1000 });
  cache.send(peer, "short");
  cache.send(peer, "a longer message than ten");
  expect(cache.size).toBe(1);
  expect(await received.until(2)).toEqual(["short", "a longer message than ten"]);
});
