import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisChannelLayer (real redis-server)", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  runChannelLayerContract({
    name: "RedisChannelLayer",
    newLayer: (options) => new RedisChannelLayer({ ...options, hosts: [server.url] }),
  });
});
