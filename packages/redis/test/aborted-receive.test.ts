import Redis from "ioredis";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

describeWithRedis("an aborted receive on a normal channel", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it("leaves the message popped in flight for another worker", async () => {
    const a = new RedisChannelLayer({ hosts: [server.url] });
    const b = new RedisChannelLayer({ hosts: [server.url] });
    const sender = new RedisChannelLayer({ hosts: [server.url] });
    const observer = new Redis(server.url);
    try {
      const abort = new AbortController();
      const receiving = a.receive("jobs", { signal: abort.signal });
      // Wait until a's BZPOPMIN is blocked on the queue, so the pop is in flight when aborted.
      while (((await observer.call("CLIENT", "LIST")) as string).indexOf("cmd=bzpopmin") === -1)
        await new Promise<void>((r) => setImmediate(r));
      abort.abort(new Error("worker a stops"));
      await expect(receiving).rejects.toThrow("worker a stops");
      await sender.send("jobs", { type: "job" });
      await expect(b.receive("jobs")).resolves.toEqual({ type: "job" });
    } finally {
      observer.disconnect();
      await Promise.all([a.close(), b.close(), sender.close()]);
    }
  });
});
