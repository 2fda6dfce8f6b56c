import type { Message } from "@channels-ts/core";
import { RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

const pause = (ms: number): Promise<"nothing"> => new Promise((resolve) => setTimeout(() => resolve("nothing"), ms));

describeWithRedis("RedisPubSubChannelLayer local mailboxes", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it("drops, after expiry, a message that reached a channel just discarded (no leak)", async () => {
    const receiver = new RedisPubSubChannelLayer({ hosts: [server.url], expiry: 0.1 });
    const sender = new RedisPubSubChannelLayer({ hosts: [server.url] });
    try {
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
    } finally {
      await receiver.close();
      await sender.close();
    }
  });
});
