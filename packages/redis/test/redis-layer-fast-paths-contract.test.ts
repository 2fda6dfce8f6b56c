import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

// The contract again with the options a chat server runs under load: the receiveInto fast path
// checked, and group sends pipelined (they resolve on write, so they must keep every guarantee).
describeWithRedis("RedisChannelLayer with pipelined group sends (real redis-server)", () => {
  const server = useRedisServer();

  runChannelLayerContract({
    name: "RedisChannelLayer (pipelineGroupSends)",
    newLayer: (options) =>
      new RedisChannelLayer({
        ...options,
        hosts: [server.url],
        pipelineGroupSends: true,
        logger: { warn: () => undefined },
      }),
    fastPaths: ["receiveInto"],
  });
});
