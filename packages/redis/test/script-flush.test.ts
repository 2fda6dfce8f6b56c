import Redis from "ioredis";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("SCRIPT FLUSH between group sends on the sharded path", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it("still delivers (the script is loaded again), or throws: never a silent loss", async () => {
    // Encryption takes the per-host transaction path.
    const layer = new RedisChannelLayer({ hosts: [server.url], symmetricEncryptionKeys: ["k"] });
    const admin = new Redis(server.url);
    try {
      const channel = await layer.newChannel();
      await layer.groupAdd("g", channel);
      await layer.groupSend("g", { type: "one" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "one" });
      await admin.script("FLUSH");
      await layer.groupSend("g", { type: "two" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "two" });
    } finally {
      admin.disconnect();
      await layer.close();
    }
  });
});
