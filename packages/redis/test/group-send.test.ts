import { RedisChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisChannelLayer.groupSend()", () => {
  const redis = useRedisServer();

  describe("SCRIPT FLUSH between group sends on the sharded path", () => {
    it("still delivers (the script is loaded again), or throws: never a silent loss", async () => {
      // Encryption takes the per-host transaction path.
      await using layer = closing(new RedisChannelLayer({ hosts: [redis.url], symmetricEncryptionKeys: ["k"] }));
      await using admin = closing(redis.client());
      const channel = await layer.newChannel();
      await layer.groupAdd("g", channel);
      await layer.groupSend("g", { type: "one" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "one" });
      await admin.script("FLUSH");
      await layer.groupSend("g", { type: "two" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "two" });
    });
  });
});
