import { join } from "node:path";
import type Redis from "ioredis";
import { ChannelLayerClosed } from "@channels-ts/core";
import { RedisChannelLayer, RedisHostUnavailable, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, freePort, startProcess, useRedisServer } from "@channels-ts/test-fixtures";
import { nextHostEvent, type EventfulLayer } from "./host-events";

async function clientCount(observer: Redis): Promise<number> {
  const list = (await observer.call("CLIENT", "LIST")) as string;
  return list.trim().split("\n").length - 1;
}

/** Connected clients other than `observer`, waiting (briefly) for the server to notice closed sockets. */
async function otherClients(observer: Redis, expected: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await clientCount(observer)) === expected) return expected;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return clientCount(observer);
}

describeWithRedis("close() ends every connection and pending receive", () => {
  const redis = useRedisServer();

  it.each([
    ["RedisChannelLayer", () => new RedisChannelLayer({ hosts: [redis.url] })],
    ["RedisPubSubChannelLayer", () => new RedisPubSubChannelLayer({ hosts: [redis.url] })],
  ])("%s", async (_name, make) => {
    await using observer = closing(redis.client());
    const layer = make();
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const pending = [layer.receive(channel), layer.receive("plain.worker")];
    await layer.send(channel, { type: "first" });
    await expect(pending[0]).resolves.toEqual({ type: "first" });
    expect(await otherClients(observer, 3)).toBeGreaterThanOrEqual(2); // commands + blocking pop or subscriber
    await layer.close();
    await expect(pending[1]).rejects.toMatchObject({ name: "AbortError" });
    expect(await otherClients(observer, 0)).toBe(0);
    await expect(layer.send(channel, { type: "late" })).rejects.toBeInstanceOf(ChannelLayerClosed);
    await expect(layer.receive(channel)).rejects.toMatchObject({ name: "AbortError" });
  });
});

const layers = [
  [
    "RedisChannelLayer",
    (url: string, operationTimeoutMs: number) =>
      new RedisChannelLayer({ hosts: [url], operationTimeoutMs, reconnectMaxDelayMs: 100 }),
  ],
  [
    "RedisPubSubChannelLayer",
    (url: string, operationTimeoutMs: number) =>
      new RedisPubSubChannelLayer({ hosts: [url], operationTimeoutMs, reconnectMaxDelayMs: 100 }),
  ],
] as const;

/** A Redis URL on 127.0.0.1 where nothing listens. */
async function deadUrl(): Promise<string> {
  return `redis://127.0.0.1:${await freePort()}`;
}

describe("a Redis host where nothing listens", () => {
  it.each(layers)(
    "%s: operations reject with RedisHostUnavailable naming the host after operationTimeoutMs",
    async (_name, make) => {
      const url = await deadUrl();
      await using layer = closing(make(url, 200) as EventfulLayer);
      const unavailable = expect.objectContaining({
        code: "REDIS_HOST_UNAVAILABLE",
        host: url,
        message: expect.stringContaining(url),
      });
      const channel = "specific.abc!def";
      const outcomes = await Promise.allSettled([
        layer.groupAdd("g", channel),
        layer.send(channel, { type: "x" }),
        layer.groupSend("g", { type: "x" }),
      ]);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(RedisHostUnavailable);
        expect((outcome as PromiseRejectedResult).reason).toEqual(unavailable);
      }
      // While the host stays down, later operations fail without waiting again.
      await expect(layer.send(channel, { type: "y" })).rejects.toEqual(unavailable);
    },
  );

  it.each(layers)("%s: operations fail at once and close() ends a receive still waiting", async (_name, make) => {
    const layer = make(await deadUrl(), 60_000) as EventfulLayer;
    const channel = "specific.abc!def";
    const pending = [
      layer.send(channel, { type: "x" }),
      layer.groupSend("g", { type: "x" }),
      layer.groupAdd("g", channel),
    ];
    const receiving = layer.receive("plain.worker");
    await nextHostEvent(layer, "down");
    await layer.close();
    // A host never reached fails operations at once (unreachable-at-start.test.ts covers close() during an outage).
    for (const operation of pending) await expect(operation).rejects.toBeInstanceOf(RedisHostUnavailable);
    await expect(receiving).rejects.toMatchObject({ name: "AbortError" });
  });

  it.each([
    ["RedisChannelLayer", "core"],
    ["RedisPubSubChannelLayer", "pubsub"],
  ])(
    "%s: a process that closes the layer exits at once, with no timer of the client left running",
    async (_name, kind) => {
      const tsx = join(__dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
      const script = join(__dirname, "fixtures", "close-while-down.ts");
      await using child = startProcess(tsx, [script, kind, await deadUrl()]);
      await child.waitFor(/closed/);
      const closedAt = Date.now();
      expect((await child.exited).code).toBe(0);
      // ioredis's default disconnectTimeout would keep it alive 2 s after close().
      expect(Date.now() - closedAt).toBeLessThan(1_000);
    },
  );
});
