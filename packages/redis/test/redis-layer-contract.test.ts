import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisChannelLayer (real redis-server)", () => {
  const server = useRedisServer();

  runChannelLayerContract({
    name: "RedisChannelLayer",
    newLayer: (options) => new RedisChannelLayer({ ...options, hosts: [server.url] }),
  });
});
