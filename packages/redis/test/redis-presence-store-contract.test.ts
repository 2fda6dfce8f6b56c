import { runPresenceStoreContract } from "@channels-ts/core/layer-kit";
import { RedisPresenceStore } from "@channels-ts/redis";
import { describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisPresenceStore", () => {
  const redis = useRedisServer();
  runPresenceStoreContract({ name: "RedisPresenceStore", newStore: () => new RedisPresenceStore({ host: redis.url }) });

  it("refuses a timeout shorter than two heartbeats, naming it", () => {
    expect(() => new RedisPresenceStore({ host: redis.url, heartbeatMs: 1000, timeoutMs: 1500 })).toThrow(
      /timeoutMs must be a number >= 2000/,
    );
  });
});
