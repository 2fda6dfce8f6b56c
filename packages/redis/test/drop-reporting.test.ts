import {
  RedisChannelLayer,
  RedisPubSubChannelLayer,
  type BackgroundErrorEvent,
  type DroppedEvent,
} from "@channels-ts/redis";
import { closing, describeWithRedis, RedisServer, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisChannelLayer reports what it does not deliver", () => {
  const redis = useRedisServer();

  it("counts and emits messages removed from a queue as expired by a later send", async () => {
    await using layer = closing(new RedisChannelLayer({ hosts: [redis.url], logger: { warn: () => undefined } }));
    await using admin = closing(redis.client());
    const drops: DroppedEvent[] = [];
    layer.on("dropped", (event) => drops.push(event));
    const channel = await layer.newChannel();
    const key = "asgi" + channel.slice(0, channel.indexOf("!") + 1);
    await layer.send(channel, { type: "old" });
    // Age the message past expiry without waiting: its score is its send time.
    const [member] = await admin.zrangeBuffer(key, 0, 0);
    await admin.zadd(key, "XX", String(Date.now() / 1000 - 3600), member as Buffer);
    await layer.send(channel, { type: "new" });
    expect(drops).toEqual([{ reason: "expired", channel: key, count: 1 }]);
    expect(layer.droppedCounts.expired).toBe(1);
    await expect(layer.receive(channel)).resolves.toEqual({ type: "new" });
  });

  it("emits and logs (once per interval) a failing receive loop, which recovers when the cause goes", async () => {
    const warnings: string[] = [];
    // A short block: the failing restore is pipelined with a BZPOPMIN, whose wait it reports after.
    const logger = { warn: (line: string) => warnings.push(line) };
    await using layer = closing(new RedisChannelLayer({ hosts: [redis.url], logger, blockSeconds: 0.1 }));
    await using admin = closing(redis.client());
    const channel = await layer.newChannel();
    const key = "asgi" + channel.slice(0, channel.indexOf("!") + 1);
    // The restore script the loop runs first fails on an in-flight set of the wrong type.
    await admin.set(key + "$inflight", "not a sorted set");
    const failed = new Promise<BackgroundErrorEvent>((resolve) => layer.once("backgroundError", resolve));
    const received = layer.receive(channel);
    const event = await failed;
    expect(event).toMatchObject({ source: "receive loop", key });
    expect(event.error.message).toContain("WRONGTYPE");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("receive loop");
    await admin.del(key + "$inflight");
    await layer.send(channel, { type: "after" });
    await expect(received).resolves.toEqual({ type: "after" });
  });
});

describeWithRedis("a Redis layer's stats() and ping() on a real Redis", () => {
  it.each(["queue", "pubsub"] as const)(
    "%s: ping() times a PING; stats().up is false while Redis is stopped and true once it is back",
    async (kind) => {
      await using redis = await RedisServer.start();
      const options = { hosts: [redis.url], logger: { warn: () => undefined } };
      await using layer = closing(
        kind === "queue" ? new RedisChannelLayer(options) : new RedisPubSubChannelLayer(options),
      );
      await layer.connect();
      const seconds = await layer.ping();
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(1);
      expect(layer.stats()).toEqual({ channels: 0, groups: 0, up: true });
      const down = new Promise((resolve) => layer.once("down", resolve));
      await redis.stop();
      await down;
      expect(layer.stats().up).toBe(false);
      await expect(layer.ping()).rejects.toThrow("a Redis host is down");
      const up = new Promise((resolve) => layer.once("up", resolve));
      await redis.restart();
      await up;
      expect(layer.stats().up).toBe(true);
      expect(await layer.ping()).toBeLessThan(1);
    },
  );
});
