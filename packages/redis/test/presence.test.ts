import {
  configurePresence,
  countPresence,
  listPresence,
  presenceOf,
  type ChannelLayer,
  type PresenceDiffMessage,
} from "@channels-ts/core";
import { RedisChannelLayer, RedisPresenceStore, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

type Layer = ChannelLayer & { close(): Promise<void> };

async function nextDiff(layer: ChannelLayer, channel: string): Promise<PresenceDiffMessage> {
  const signal = AbortSignal.timeout(5000);
  for (;;) {
    const message = await layer.receive(channel, { signal });
    if (message.type === "presence.diff") return message as unknown as PresenceDiffMessage;
  }
}

describeWithRedis("presence across two processes on one Redis", () => {
  const redis = useRedisServer();

  describe.each([
    ["RedisChannelLayer", (url: string): Layer => new RedisChannelLayer({ hosts: [url] })],
    ["RedisPubSubChannelLayer", (url: string): Layer => new RedisPubSubChannelLayer({ hosts: [url] })],
  ])("%s", (_name, make) => {
    let a: Layer;
    let b: Layer;
    beforeEach(async () => {
      await redis.client().flushall();
      a = make(redis.url);
      b = make(redis.url);
    });
    afterEach(async () => {
      await a.close();
      await b.close();
    });

    it("lists and counts what the other process tracks, and its members get the diffs", async () => {
      const member = await b.newChannel();
      await b.groupAdd("room", member);
      const tracker = await a.newChannel();
      // The layer's own store (createPresenceStore): the first host, the layer's prefix.
      const ref = await presenceOf(a).track(tracker, "room", "alice", { name: "Alice" });
      const diff = await nextDiff(b, member);
      expect(diff).toEqual({
        type: "presence.diff",
        group: "room",
        joins: { alice: { metas: [{ name: "Alice", ref }] } },
        leaves: {},
      });
      expect(await listPresence(b, "room")).toEqual({ alice: { metas: [{ name: "Alice", ref }] } });
      expect(await countPresence(b, "room")).toBe(1);

      const newRef = await presenceOf(a).update(tracker, "room", "alice", { name: "Alice", away: true });
      const updated = await nextDiff(b, member);
      expect(updated.leaves).toEqual({ alice: { metas: [{ name: "Alice", ref }] } });
      expect(updated.joins).toEqual({ alice: { metas: [{ name: "Alice", away: true, ref: newRef }] } });

      // The consumer ends: its presences go at once, and the leave goes out.
      await presenceOf(a).untrackChannel(tracker);
      expect(await countPresence(b, "room")).toBe(0);
      expect((await nextDiff(b, member)).leaves).toEqual({
        alice: { metas: [{ name: "Alice", away: true, ref: newRef }] },
      });
    });

    it("keeps both processes' metas under one key, and a burst of 1,000 joins is a few diffs", async () => {
      const member = await b.newChannel();
      await b.groupAdd("room", member);
      await presenceOf(b).track(await b.newChannel(), "room", "u0", { tab: "b" });
      await nextDiff(b, member);
      const presence = presenceOf(a);
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) => presence.track(`specific.burst!${i}`, "room", `u${i}`, { tab: "a" })),
      );
      let joined = 0;
      let diffs = 0;
      while (joined < 1000) {
        const diff = await nextDiff(b, member);
        diffs++;
        for (const presences of Object.values(diff.joins)) joined += presences.metas.length;
      }
      expect(joined).toBe(1000);
      expect(diffs).toBeLessThanOrEqual(3);
      expect(await countPresence(b, "room")).toBe(1001);
      const listed = await listPresence(b, "room");
      expect(Object.keys(listed)).toHaveLength(1000);
      expect(listed.u0!.metas.map((meta) => meta.tab).sort()).toEqual(["a", "b"]);
    });

    it("hides a silent process's presences after timeoutMs and reaps them with a leave diff", async () => {
      const silent = new RedisPresenceStore({ host: redis.url, heartbeatMs: 50, timeoutMs: 150 });
      const live = new RedisPresenceStore({ host: redis.url, heartbeatMs: 50, timeoutMs: 150 });
      await using _stores = {
        [Symbol.asyncDispose]: async () => {
          (silent as unknown as { closed: boolean }).closed = false;
          await Promise.all([silent.close(), live.close()]);
        },
      };
      configurePresence(a, { store: silent });
      configurePresence(b, { store: live });
      const member = await b.newChannel();
      await b.groupAdd("room", member);
      const ref = await presenceOf(a).track(await a.newChannel(), "room", "ghost", {});
      await nextDiff(b, member);
      expect(await countPresence(b, "room")).toBe(1);
      // As if the process froze: no more heartbeats, nothing removed.
      (silent as unknown as { timer: NodeJS.Timeout }).timer.close();
      (silent as unknown as { closed: boolean }).closed = true;
      const leave = await nextDiff(b, member);
      expect(leave.leaves).toEqual({ ghost: { metas: [{ ref }] } });
      expect(await listPresence(b, "room")).toEqual({});
      expect(await countPresence(b, "room")).toBe(0);
    });
  });

  it("a process taken for dead while alive (frozen past timeoutMs) puts its entries back at its next heartbeat", async () => {
    const layer = new RedisChannelLayer({ hosts: [redis.url] });
    const store = new RedisPresenceStore({ host: redis.url, heartbeatMs: 50, timeoutMs: 150 });
    await using _closing = { [Symbol.asyncDispose]: () => layer.close().then(() => store.close()) };
    configurePresence(layer, { store });
    const ref = await presenceOf(layer).track("specific.frozen!1", "room", "sleeper", { a: 1 });
    // What a reaper did while this process was frozen: its entries in the group are gone.
    await redis.client().del(`asgi:presence:{room}:${store.processId}`);
    expect(await countPresence(layer, "room")).toBe(0);
    await store.heartbeat();
    expect(await listPresence(layer, "room")).toEqual({ sleeper: { metas: [{ a: 1, ref }] } });
  });

  describe("a process reaped while alive", () => {
    let layer: RedisChannelLayer;
    let store: RedisPresenceStore;
    let member: string;
    beforeEach(async () => {
      await redis.client().flushall();
      layer = new RedisChannelLayer({ hosts: [redis.url] });
      // heartbeat() is called by hand: the timer's beats come every minute, after the test.
      store = new RedisPresenceStore({ host: redis.url, heartbeatMs: 60_000, timeoutMs: 120_000 });
      configurePresence(layer, { store });
      member = await layer.newChannel();
      await layer.groupAdd("room", member);
    });
    afterEach(async () => {
      await layer.close();
      await store.close();
    });

    /** What a reaper does to a process it claimed: each group's hash, its zset entry, then its list of groups. */
    async function reap(groups: string[]): Promise<void> {
      for (const group of groups) {
        await redis.client().del(`asgi:presence:{${group}}:${store.processId}`);
        await redis.client().zrem(`asgi:presence:{${group}}`, store.processId);
      }
      await redis.client().zrem("asgi:presence:processes", store.processId);
      await redis.client().del(`asgi:presence:process:${store.processId}`);
    }

    it("announces its restored entries to the members again, as a join diff", async () => {
      const ref = await presenceOf(layer).track("specific.frozen!1", "room", "sleeper", { a: 1 });
      expect((await nextDiff(layer, member)).joins).toEqual({ sleeper: { metas: [{ a: 1, ref }] } });
      await reap(["room"]);
      await store.heartbeat();
      expect(await nextDiff(layer, member)).toMatchObject({
        joins: { sleeper: { metas: [{ a: 1, ref }] } },
        leaves: {},
      });
      expect(await listPresence(layer, "room")).toEqual({ sleeper: { metas: [{ a: 1, ref }] } });
    });

    it("puts back the older entries of a group it put() into after the reap (the hash came back with only the new one)", async () => {
      const old = await presenceOf(layer).track("specific.frozen!1", "room", "old", {});
      await nextDiff(layer, member);
      await reap(["room"]);
      const fresh = await presenceOf(layer).track("specific.frozen!2", "room", "fresh", {});
      expect((await nextDiff(layer, member)).joins).toEqual({ fresh: { metas: [{ ref: fresh }] } });
      expect(await countPresence(layer, "room")).toBe(1);
      await store.heartbeat();
      expect(await listPresence(layer, "room")).toEqual({
        old: { metas: [{ ref: old }] },
        fresh: { metas: [{ ref: fresh }] },
      });
      // Only what was missing joins again.
      expect((await nextDiff(layer, member)).joins).toEqual({ old: { metas: [{ ref: old }] } });
    });

    it("lists its groups again when its list of groups is gone (the reaper deletes it last, after a restore's SADD)", async () => {
      await presenceOf(layer).track("specific.frozen!1", "room", "a", {});
      await presenceOf(layer).track("specific.frozen!1", "hall", "a", {});
      const groupsKey = `asgi:presence:process:${store.processId}`;
      await redis.client().del(groupsKey);
      await store.heartbeat();
      expect((await redis.client().smembers(groupsKey)).sort()).toEqual(["hall", "room"]);
      expect(await redis.client().pttl(groupsKey)).toBeGreaterThan(0);
      // So a reaper finds every group of this process, should it die now.
      expect(await countPresence(layer, "hall")).toBe(1);
    });
  });
});
