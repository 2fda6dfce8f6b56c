import Redis from "ioredis";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

async function connectionsReceived(observer: Redis): Promise<number> {
  const info = await observer.info("stats");
  return Number(/total_connections_received:(\d+)/.exec(info)?.[1]);
}

describeWithRedis("receiving on a normal channel again and again", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it("reuses one blocking connection instead of opening one per message", async () => {
    const worker = new RedisChannelLayer({ hosts: [server.url] });
    const sender = new RedisChannelLayer({ hosts: [server.url] });
    const observer = new Redis(server.url);
    try {
      await sender.send("warmup", { type: "warm" }); // the sender's and observer's own connections
      await observer.ping();
      const before = await connectionsReceived(observer);
      for (let i = 0; i < 5; i++) {
        const receiving = worker.receive("jobs");
        await sender.send("jobs", { type: "job", i });
        await expect(receiving).resolves.toEqual({ type: "job", i });
      }
      // One command connection plus one blocking connection for the worker, whatever the count.
      expect((await connectionsReceived(observer)) - before).toBeLessThanOrEqual(2);
    } finally {
      observer.disconnect();
      await Promise.all([worker.close(), sender.close()]);
    }
  });
});
