import Redis from "ioredis";
import { encode } from "@msgpack/msgpack";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

const prefix12 = Buffer.alloc(12, 7);
/** Payloads no channels_redis peer writes, each with what makes it wrong. */
const GARBAGE: Array<[string, Buffer]> = [
  ["not msgpack", Buffer.from([0xc1, 0xc1, 0xc1])],
  ["a list, not a map", Buffer.from(encode(["type", "x"]))],
  ["type is not a string", Buffer.from(encode({ type: 5 }))],
  ["__asgi_channel__ is a number", Buffer.from(encode({ type: "x", __asgi_channel__: 7 }))],
  ["unknown reserved key", Buffer.from(encode({ type: "x", __asgi_group__: "g" }))],
  ["truncated map", Buffer.from(encode({ type: "x", text: "abc" })).subarray(0, 6)],
];

describeWithRedis("malformed data on the wire is dropped with a counted, rate-limited warning", () => {
  let server: RedisServer;
  let redis: Redis;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeAll(async () => {
    server = await RedisServer.start();
    redis = new Redis(server.url);
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    redis.disconnect();
    await server.stop();
  });

  it("RedisChannelLayer: bad queue members are skipped and the next good message arrives", async () => {
    const warnings: string[] = [];
    const layer = new RedisChannelLayer({
      hosts: [server.url],
      logger: { warn: (m) => warnings.push(m) },
      warnIntervalMs: 60_000,
    });
    const events: string[] = [];
    layer.on("malformed", (event) => events.push(event.reason));
    try {
      const channel = await layer.newChannel();
      const key = `asgispecific.${layer.clientPrefix}!`;
      const old = Date.now() / 1000 - 1;
      for (const [index, [, body]] of GARBAGE.entries())
        await redis.zadd(key, String(old + index / 100), Buffer.concat([prefix12, body]));
      await redis.zadd(key, String(old + 0.5), Buffer.from([1, 2, 3])); // shorter than the random prefix
      await layer.send(channel, { type: "good.message" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "good.message" });
      expect(layer.malformedCount).toBe(GARBAGE.length + 1);
      expect(events).toHaveLength(GARBAGE.length + 1);
      expect(warnings).toHaveLength(1); // the rest are counted, not logged
      expect(warnings[0]).toContain(key);
      expect(unhandled).toEqual([]);
    } finally {
      await layer.close();
    }
  });

  it("RedisPubSubChannelLayer: bad publications on a channel and a group are skipped", async () => {
    const warnings: string[] = [];
    const layer = new RedisPubSubChannelLayer({
      hosts: [server.url],
      logger: { warn: (m) => warnings.push(m) },
      warnIntervalMs: 60_000,
    });
    try {
      const channel = await layer.newChannel();
      await layer.groupAdd("room", channel);
      const received = layer.receive(channel);
      for (const [, body] of GARBAGE) {
        await redis.publish(channel, body);
        await redis.publish("asgi__group__room", body);
      }
      await layer.send(channel, { type: "good.message" });
      await expect(received).resolves.toEqual({ type: "good.message" });
      expect(layer.malformedCount).toBe(2 * GARBAGE.length);
      expect(warnings).toHaveLength(1);
      expect(unhandled).toEqual([]);
    } finally {
      await layer.close();
    }
  });
});
