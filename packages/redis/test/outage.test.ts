import { createServer } from "node:net";
import type { ChannelLayer } from "@channels-ts/core";
import { RedisChannelLayer, RedisHostUnavailable, RedisPubSubChannelLayer, type HostEvent } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

type Layer = ChannelLayer & {
  close(): Promise<void>;
  once(event: "down" | "up", listener: (event: HostEvent) => void): unknown;
};

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

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
function deadUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(`redis://127.0.0.1:${address.port}`)
          : reject(new Error("no port")),
      );
    });
  });
}

function next(layer: Layer, event: "down" | "up"): Promise<HostEvent> {
  return new Promise((resolve) => layer.once(event, resolve));
}

describe("a Redis host where nothing listens", () => {
  it.each(layers)(
    "%s: operations reject with RedisHostUnavailable naming the host after operationTimeoutMs",
    async (_name, make) => {
      const url = await deadUrl();
      const layer = make(url, 200) as Layer;
      try {
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
      } finally {
        await layer.close();
      }
    },
  );

  it.each(layers)("%s: operations fail at once and close() ends a receive still waiting", async (_name, make) => {
    const layer = make(await deadUrl(), 60_000) as Layer;
    const channel = "specific.abc!def";
    const pending = [
      layer.send(channel, { type: "x" }),
      layer.groupSend("g", { type: "x" }),
      layer.groupAdd("g", channel),
    ];
    const receiving = layer.receive("plain.worker");
    await next(layer, "down");
    await layer.close();
    // A host never reached fails operations at once (unreachable-at-start.test.ts covers close() during an outage).
    for (const operation of pending) await expect(operation).rejects.toBeInstanceOf(RedisHostUnavailable);
    await expect(receiving).rejects.toMatchObject({ name: "AbortError" });
  });
});

describeWithRedis("a Redis host that stops", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it.each(layers)("%s: operations reject while it stays down and work again once it is back", async (_name, make) => {
    const layer = make(server.url, 200) as Layer;
    try {
      const channel = await layer.newChannel();
      await layer.groupAdd("room", channel);
      const down = next(layer, "down");
      await server.stop();
      await down;
      await expect(layer.groupSend("room", { type: "lost" })).rejects.toBeInstanceOf(RedisHostUnavailable);
      const up = next(layer, "up");
      await server.restart();
      await up;
      await layer.groupSend("room", { type: "after" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
    } finally {
      await layer.close();
    }
  });
});
