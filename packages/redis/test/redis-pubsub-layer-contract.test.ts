import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisPubSubChannelLayer (real redis-server)", () => {
  const server = useRedisServer();

  // Pub/sub stores nothing: the contract skips its capacity, expiry and stored-message tests.
  runChannelLayerContract({
    name: "RedisPubSubChannelLayer",
    newLayer: (options) => new RedisPubSubChannelLayer({ capacity: options?.capacity, hosts: [server.url] }),
    transport: "pubsub",
    fastPaths: ["receiveInto"],
  });
});
