import type { Message } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

const pause = (ms: number): Promise<"nothing"> => new Promise((resolve) => setTimeout(() => resolve("nothing"), ms));

describeWithRedis("expiry on Redis", () => {
  const redis = useRedisServer();

  describe("group memberships of live consumers are refreshed before groupExpiry", () => {
    it("a channel with a pending receive stays in its group past groupExpiry; an idle one expires", async () => {
      await using layer = closing(
        new RedisChannelLayer({ hosts: [redis.url], groupExpiry: 0.6, membershipRefreshSeconds: 0.15 }),
      );
      const [live, idle] = [await layer.newChannel(), await layer.newChannel()];
      await layer.groupAdd("room", live);
      await layer.groupAdd("room", idle);
      const pending = layer.receive(live);
      await pause(1200); // twice groupExpiry: expiry is about time passing
      await layer.groupSend("room", { type: "still.here" });
      await expect(pending).resolves.toEqual({ type: "still.here" });
      await layer.send(idle, { type: "marker" });
      await expect(layer.receive(idle)).resolves.toEqual({ type: "marker" }); // no group message before it
    });
  });

  describe("RedisPubSubChannelLayer local mailboxes", () => {
    it("drops, after expiry, a message that reached a channel just discarded (no leak)", async () => {
      await using receiver = closing(new RedisPubSubChannelLayer({ hosts: [redis.url], expiry: 0.1 }));
      await using sender = closing(new RedisPubSubChannelLayer({ hosts: [redis.url] }));
      const channel = await receiver.newChannel();
      const first = receiver.receive(channel);
      await sender.send(channel, { type: "first" });
      expect(await first).toEqual({ type: "first" });
      await receiver.discardChannel(channel);

      // "late" races the discard; "marker", published after it on the same connection, tells us
      // when "late" has been delivered into the receiver's (now unread) mailbox.
      const other = await receiver.newChannel();
      const marker = receiver.receive(other);
      await sender.send(channel, { type: "late" });
      await sender.send(other, { type: "marker" });
      await marker;

      await pause(400); // expiry is about time passing: 0.1 s, swept every 0.1 s
      const late = receiver.receive(channel);
      late.catch(() => undefined);
      const got: Message | "nothing" = await Promise.race([late, pause(300)]);
      expect(got).toBe("nothing");
    });
  });
});
