import { RedisPubSubChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

describeWithRedis(
  "RedisPubSubChannelLayer: a join or a new channel resolves only once Redis has the subscription",
  () => {
    const server = useRedisServer();

    it("a second member joining while the first one's SUBSCRIBE is unanswered gets the group send made right after its groupAdd", async () => {
      for (let round = 0; round < 5; round++) {
        // A fresh layer: its subscriber connection is made by the first groupAdd, and is still
        // connecting when the second one and the group send (on the connected command connection) come.
        await using layer = closing(new RedisPubSubChannelLayer({ hosts: [server.url] }));
        await layer.connect();
        const group = `race${round}`;
        const firstJoined = layer.groupAdd(group, "member.first");
        await layer.groupAdd(group, "member.second");
        // What the chat does: join, then send to the group at once (its "joined" marker).
        await layer.groupSend(group, { type: "hello", round });
        await firstJoined;
        for (const member of ["member.second", "member.first"])
          await expect(layer.receive(member, { signal: AbortSignal.timeout(2_000) })).resolves.toEqual({
            type: "hello",
            round,
          });
      }
    });

    it("a channel made while the first newChannel's PSUBSCRIBE is unanswered gets a message sent right after", async () => {
      await using layer = closing(new RedisPubSubChannelLayer({ hosts: [server.url] }));
      await layer.connect();
      const first = layer.newChannel();
      const second = await layer.newChannel();
      await layer.send(second, { type: "direct" });
      await first;
      await expect(layer.receive(second, { signal: AbortSignal.timeout(2_000) })).resolves.toEqual({ type: "direct" });
    });
  },
);
