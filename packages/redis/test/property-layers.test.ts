import type { ChannelLayer, Message } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, runLayerProperties, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("Redis layers with random names and messages (real redis-server)", () => {
  const server = useRedisServer();

  runLayerProperties({
    name: "RedisChannelLayer",
    newLayer: () => new RedisChannelLayer({ hosts: [server.url] }),
    negativeZeroBecomesZero: true,
    numRuns: 60,
  });
  runLayerProperties({
    name: "RedisPubSubChannelLayer",
    newLayer: () => new RedisPubSubChannelLayer({ hosts: [server.url] }),
    transport: "pubsub",
    negativeZeroBecomesZero: true,
    numRuns: 60,
  });

  // The undecodable message below is logged as a drop; the test keeps the log to itself.
  const logger = { warn: (): void => undefined };
  describe.each<[string, () => ChannelLayer]>([
    ["RedisChannelLayer", () => new RedisChannelLayer({ hosts: [server.url], logger })],
    ["RedisPubSubChannelLayer", () => new RedisPubSubChannelLayer({ hosts: [server.url], logger })],
  ])("%s: what msgpack does not carry as the in-memory layer does", (_name, newLayer) => {
    it("turns -0 into 0 (msgpack writes it as the integer 0)", async () => {
      await using layer = closing(newLayer());
      const channel = await layer.newChannel();
      await layer.send(channel, { type: "x", zero: -0 });
      expect(Object.is((await layer.receive(channel)).zero, 0)).toBe(true);
    });

    // An own "__proto__" key (JSON.parse makes one) passes validateMessage and the in-memory layer
    // delivers it; @msgpack/msgpack's decoder alone refuses the key, so the layers decode with
    // OwnProtoDecoder, which keeps it as data (serializer.test.ts checks that nothing is polluted).
    it("delivers a message with an own __proto__ key, as the in-memory layer does", async () => {
      await using layer = closing(newLayer());
      const channel = await layer.newChannel();
      await layer.send(channel, JSON.parse('{"type":"x","__proto__":{"a":1}}') as Message);
      await layer.send(channel, { type: "after" });
      const received = await layer.receive(channel);
      expect(Object.keys(received)).toEqual(["type", "__proto__"]);
      expect(Object.getOwnPropertyDescriptor(received, "__proto__")?.value).toEqual({ a: 1 });
      expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
      expect((await layer.receive(channel)).type).toBe("after");
    });
  });
});
