import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("receive() on another layer's specific channel", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it("throws a TypeError naming the channel and leaves the owner's queue alone", async () => {
    const owner = new RedisChannelLayer({ hosts: [server.url] });
    const other = new RedisChannelLayer({ hosts: [server.url] });
    try {
      const first = await owner.newChannel();
      const second = await owner.newChannel();
      await expect(other.receive(first)).rejects.toThrow(TypeError);
      await expect(other.receive(first)).rejects.toThrow(
        new RegExp(`${first.replace(/[.!]/g, "\\$&")}.*another layer instance`),
      );
      await other.send(second, { type: "for.second" });
      await expect(owner.receive(second)).resolves.toEqual({ type: "for.second" });
    } finally {
      await owner.close();
      await other.close();
    }
  });
});
