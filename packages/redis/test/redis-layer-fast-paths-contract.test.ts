import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

// The contract again with the receiveInto fast path checked, and with group sends that wait for
// Redis's reply (the plain contract suite runs the default, pipelined ones).
describeWithRedis("RedisChannelLayer with group sends awaiting Redis (real redis-server)", () => {
  const server = useRedisServer();

  runChannelLayerContract({
    name: "RedisChannelLayer (pipelineGroupSends: false)",
    newLayer: (options) =>
      new RedisChannelLayer({
        ...options,
        hosts: [server.url],
        pipelineGroupSends: false,
        logger: { warn: () => undefined },
      }),
    fastPaths: ["receiveInto"],
  });
});
