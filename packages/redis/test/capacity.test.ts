import { ChannelFull } from "@channels-ts/core";
import { RedisChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("RedisChannelLayer capacity", () => {
  const redis = useRedisServer();

  describe("a process queue at 4 x capacity", () => {
    it("is full for every channel, even one with nothing waiting (no per-channel scan)", async () => {
      await using owner = closing(new RedisChannelLayer({ hosts: [redis.url], capacity: 2 }));
      const channels = await Promise.all([1, 2, 3, 4, 5].map(() => owner.newChannel()));
      // Two per channel for four channels: 8 = 4 x capacity messages in the one queue.
      for (const channel of channels.slice(0, 4))
        for (let i = 0; i < 2; i++) await owner.send(channel, { type: "fill" });
      await expect(owner.send(channels[4] as string, { type: "one.more" })).rejects.toBeInstanceOf(ChannelFull);
      const fresh = channels[4] as string;
      await owner.groupAdd("room", fresh);
      await owner.groupSend("room", { type: "skipped" }); // skipped as full, as any full member
      await owner.flush();
      await owner.send(fresh, { type: "after.flush" });
      await expect(owner.receive(fresh)).resolves.toEqual({ type: "after.flush" });
    });
  });
});
