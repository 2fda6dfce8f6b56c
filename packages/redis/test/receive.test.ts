import type Redis from "ioredis";
import { RedisChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

async function connectionsReceived(observer: Redis): Promise<number> {
  const info = await observer.info("stats");
  return Number(/total_connections_received:(\d+)/.exec(info)?.[1]);
}

describeWithRedis("RedisChannelLayer.receive()", () => {
  const redis = useRedisServer();
  const newLayer = (): RedisChannelLayer & AsyncDisposable => closing(new RedisChannelLayer({ hosts: [redis.url] }));

  describe("an aborted receive on a normal channel", () => {
    it("leaves the message popped in flight for another worker", async () => {
      await using a = newLayer();
      await using b = newLayer();
      await using sender = newLayer();
      await using observer = closing(redis.client());
      const abort = new AbortController();
      const receiving = a.receive("jobs", { signal: abort.signal });
      // Wait until a's BZPOPMIN is blocked on the queue, so the pop is in flight when aborted.
      while (((await observer.call("CLIENT", "LIST")) as string).indexOf("cmd=bzpopmin") === -1)
        await new Promise<void>((r) => setImmediate(r));
      abort.abort(new Error("worker a stops"));
      await expect(receiving).rejects.toThrow("worker a stops");
      await sender.send("jobs", { type: "job" });
      await expect(b.receive("jobs")).resolves.toEqual({ type: "job" });
    });
  });

  describe("receive() on another layer's specific channel", () => {
    it("throws a TypeError naming the channel and leaves the owner's queue alone", async () => {
      await using owner = newLayer();
      await using other = newLayer();
      const first = await owner.newChannel();
      const second = await owner.newChannel();
      await expect(other.receive(first)).rejects.toThrow(TypeError);
      await expect(other.receive(first)).rejects.toThrow(
        new RegExp(`${first.replace(/[.!]/g, "\\$&")}.*another layer instance`),
      );
      await other.send(second, { type: "for.second" });
      await expect(owner.receive(second)).resolves.toEqual({ type: "for.second" });
    });
  });

  describe("receiving on a normal channel again and again", () => {
    it("reuses one blocking connection instead of opening one per message", async () => {
      await using worker = newLayer();
      await using sender = newLayer();
      await using observer = closing(redis.client());
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
    });
  });
});
