import { spawn } from "node:child_process";
import { join } from "node:path";
import type { ChannelLayer, Message } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { PYTHON, REDIS_SERVER, useRedisServer } from "@channels-ts/test-fixtures";
import { JsonLinesPeer } from "./json-lines-peer";
import { fromJson } from "./wire-json";

const SCRIPT = join(__dirname, "python", "interop.py");
const why =
  REDIS_SERVER === undefined
    ? "redis-server is not on PATH"
    : PYTHON === undefined
      ? "no python3 can import channels_redis (Debian: python3-channels-redis)"
      : undefined;
if (why !== undefined) process.stderr.write(`!!! SKIPPED "channels_redis interop": ${why}.\n`); // Jest hides console output of all-skipped files
const describeInterop = why === undefined ? describe : describe.skip;

/** The Python peer: JSON lines out, one JSON line in. */
function startPeer(url: string, kind: "core" | "pubsub", key?: string): JsonLinesPeer {
  return new JsonLinesPeer(spawn(PYTHON as string, [SCRIPT, url, kind, ...(key ? [key] : [])], { stdio: "pipe" }));
}

function byType(messages: Message[]): Record<string, Message> {
  return Object.fromEntries(messages.map((message) => [message.type, message]));
}

async function exchange(
  layer: ChannelLayer,
  python: JsonLinesPeer,
): Promise<{ tsReceived: Message[]; pyReceived: Message[] }> {
  const ready = await python.next();
  const pythonChannel = ready.ready as string;
  const channel = await layer.newChannel();
  await layer.groupAdd("interop", channel);
  const receiving = (async () => {
    const received: Message[] = [];
    for (let i = 0; i < 4; i++) received.push(await layer.receive(channel));
    return received;
  })();
  python.write({ ts_channel: channel });
  await layer.send(pythonChannel, { type: "ts.direct", text: "héllo from TypeScript" });
  await layer.send(pythonChannel, { type: "ts.direct.bytes", bytes: new Uint8Array([0, 1, 254, 255]) });
  await layer.groupSend("interop", { type: "ts.group", text: "to all", bytes: new Uint8Array([0x80, 0x74, 0x73]) });
  const pyReceived: Message[] = [];
  for (let i = 0; i < 4; i++) pyReceived.push(fromJson((await python.next()).received) as Message);
  expect(await python.next()).toEqual({ done: true });
  return { tsReceived: await receiving, pyReceived };
}

function expectBothWays({ tsReceived, pyReceived }: { tsReceived: Message[]; pyReceived: Message[] }): void {
  const ts = byType(tsReceived);
  expect(ts["py.direct"]).toEqual({ type: "py.direct", text: "héllo from Python" });
  expect(ts["py.direct.bytes"]).toEqual({ type: "py.direct.bytes", bytes: new Uint8Array([0, 1, 254, 255]) });
  expect(ts["py.group"]).toEqual({ type: "py.group", text: "to all", bytes: new Uint8Array([0x80, 0x70, 0x79]) });
  expect(ts["ts.group"]).toEqual({ type: "ts.group", text: "to all", bytes: new Uint8Array([0x80, 0x74, 0x73]) });
  const py = byType(pyReceived);
  expect(py["ts.direct"]).toEqual({ type: "ts.direct", text: "héllo from TypeScript" });
  expect(py["ts.direct.bytes"]).toEqual({ type: "ts.direct.bytes", bytes: new Uint8Array([0, 1, 254, 255]) });
  expect(py["ts.group"]).toEqual({ type: "ts.group", text: "to all", bytes: new Uint8Array([0x80, 0x74, 0x73]) });
  expect(py["py.group"]).toEqual({ type: "py.group", text: "to all", bytes: new Uint8Array([0x80, 0x70, 0x79]) });
}

describeInterop("interop with Python's channels_redis 4.x on one redis-server", () => {
  const server = useRedisServer();
  let layer: ChannelLayer | undefined;
  let python: JsonLinesPeer | undefined;
  afterEach(async () => {
    python?.kill();
    await python?.exited;
    await layer?.close();
    layer = python = undefined;
  });

  it("RedisChannelLayer: group_send, groupSend and direct sends both ways, text and bytes", async () => {
    layer = new RedisChannelLayer({ hosts: [server.url] });
    python = startPeer(server.url, "core");
    expectBothWays(await exchange(layer, python));
  });

  it("RedisChannelLayer with symmetricEncryptionKeys: Fernet tokens are read both ways", async () => {
    // channels-ts also holds an older key (MultiFernet rotation); it must not get in the way.
    layer = new RedisChannelLayer({ hosts: [server.url], symmetricEncryptionKeys: ["interop-secret", "older-secret"] });
    (layer as RedisChannelLayer).on("malformed", (event) => {
      throw new Error(`unexpected malformed data: ${event.reason}`);
    });
    python = startPeer(server.url, "core", "interop-secret");
    expectBothWays(await exchange(layer, python));
    expect((layer as RedisChannelLayer).malformedCount).toBe(0);
  });

  it("RedisPubSubChannelLayer: group_send, groupSend and direct sends both ways, text and bytes", async () => {
    layer = new RedisPubSubChannelLayer({ hosts: [server.url] });
    python = startPeer(server.url, "pubsub");
    expectBothWays(await exchange(layer, python));
  });
});
