import { ChannelFull, drops, type DropEvent } from "@channels-ts/core";
import {
  RedisChannelLayer,
  RedisHostUnavailable,
  type BackgroundErrorEvent,
  type DroppedEvent,
  type LayerEvents,
  type RedisChannelLayerOptions,
} from "@channels-ts/redis";
import { FakeQueueStore, type FakeQueueTransport } from "../src/testing/fake-queue-store";

const open: RedisChannelLayer[] = [];
/** Every `dropped` event of this test's layers, and what the process-wide hook saw meanwhile. */
let layerDrops: DroppedEvent[] = [];
let hookDrops: DropEvent[] = [];
const reasonsSeen = new Set<string>();
let stopHook = (): void => undefined;
beforeEach(() => {
  layerDrops = [];
  hookDrops = [];
  stopHook = drops.onDrop((event) => {
    if (event.origin === "RedisChannelLayer") hookDrops.push(event);
  });
});
afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(open.splice(0).map((layer) => layer.close()));
  stopHook();
  // One hook sees every drop a layer emits, with the same reason, place and count.
  expect(hookDrops.map(({ reason, channel, group, count }) => ({ reason, channel, group, count }))).toEqual(
    layerDrops.map(({ reason, channel, group, count }) => ({ reason, channel, group, count })),
  );
  for (const event of hookDrops) reasonsSeen.add(event.reason);
});
afterAll(() => {
  // Every reason this layer can drop a message for was counted through the hook by some test here.
  expect([...reasonsSeen].sort()).toEqual(["channel full", "expired", "layer down", "undecodable"]);
});

/** A layer on `store`, its warnings and its `dropped` events, closed after the test. */
function setup(options: RedisChannelLayerOptions = {}, store = new FakeQueueStore()) {
  const warnings: string[] = [];
  const layer = new RedisChannelLayer({ logger: { warn: (line) => warnings.push(line) }, ...options }, store.transport);
  open.push(layer);
  const transport = store.transports.at(-1) as FakeQueueTransport;
  const dropped: DroppedEvent[] = [];
  layer.on("dropped", (event) => dropped.push(event));
  layer.on("dropped", (event) => layerDrops.push(event));
  return { layer, transport, store, warnings, dropped };
}

function next<E extends keyof LayerEvents>(layer: RedisChannelLayer, event: E): Promise<Parameters<LayerEvents[E]>[0]> {
  return new Promise((resolve) => layer.once(event, resolve as never));
}

let clocks = 0;

/**
 * The clock of the layer and of the store (Date.now), moved by hand; timers run as usual. Each
 * starts an hour after the last one: the layer's scores never go back in time (clock.ts).
 */
function manualClock(): { advance(seconds: number): void } {
  let now = Date.now() + ++clocks * 3_600_000;
  jest.spyOn(Date, "now").mockImplementation(() => now);
  return { advance: (seconds) => (now += seconds * 1000) };
}

describe("RedisChannelLayer on a fake store", () => {
  describe("capacity", () => {
    it("is per channel on the process queue: one full channel does not fill its neighbours", async () => {
      const { layer } = setup({ capacity: 2 });
      const [full, neighbour] = [await layer.newChannel(), await layer.newChannel()];
      await layer.send(full, { type: "1" });
      await layer.send(full, { type: "2" });
      await expect(layer.send(full, { type: "3" })).rejects.toMatchObject({ name: "ChannelFull", channel: full });
      await expect(layer.send(neighbour, { type: "fine" })).resolves.toBeUndefined();
      await expect(layer.receive(neighbour)).resolves.toEqual({ type: "fine" });
    });

    it("a local mailbox at capacity makes a send from this process throw ChannelFull, and drops the oldest for others", async () => {
      const store = new FakeQueueStore();
      const receiver = setup({ capacity: 2 }, store);
      const sender = setup({}, store);
      const [reading, stuck] = [await receiver.layer.newChannel(), await receiver.layer.newChannel()];
      const readingOne = receiver.layer.receive(reading); // keeps the process queue popped
      for (let i = 0; i < 3; i++) await sender.layer.send(stuck, { type: "m", i });
      await sender.layer.send(reading, { type: "go" });
      await expect(readingOne).resolves.toEqual({ type: "go" });
      expect(receiver.dropped).toEqual([{ reason: "channel full", channel: stuck, count: 1 }]);
      await expect(receiver.layer.send(stuck, { type: "more" })).rejects.toBeInstanceOf(ChannelFull);
      await expect(receiver.layer.receive(stuck)).resolves.toEqual({ type: "m", i: 1 });
    });

    it("a group send skips a full member, counted, emitted and logged once per interval", async () => {
      const { layer, dropped, warnings } = setup({ capacity: 2, pipelineGroupSends: false });
      const [full, free] = [await layer.newChannel(), await layer.newChannel()];
      await layer.groupAdd("room", full);
      await layer.groupAdd("room", free);
      await layer.send(full, { type: "filler" }); // nobody receives yet: they stay in the store
      await layer.send(full, { type: "filler" });
      await layer.groupSend("room", { type: "one" });
      await layer.groupSend("room", { type: "two" });
      await expect(layer.receive(free)).resolves.toEqual({ type: "one" });
      expect(dropped).toEqual([
        { reason: "channel full", group: "room", count: 1 },
        { reason: "channel full", group: "room", count: 1 },
      ]);
      expect(layer.droppedCounts["channel full"]).toBe(2);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('dropped 1 channel full (last for group "room")');
    });
  });

  describe("expiry", () => {
    it("a message older than expiry is dropped at the next send, counted with its queue", async () => {
      const { layer, dropped } = setup({ expiry: 10 });
      const clock = manualClock();
      const channel = await layer.newChannel();
      await layer.send(channel, { type: "stale" });
      clock.advance(11);
      await layer.send(channel, { type: "fresh" });
      const queue = "asgi" + channel.slice(0, channel.indexOf("!") + 1);
      expect(dropped).toEqual([{ reason: "expired", channel: queue, count: 1 }]);
      await expect(layer.receive(channel)).resolves.toEqual({ type: "fresh" });
      expect(layer.droppedCounts.expired).toBe(1);
    });

    it("a group membership ends groupExpiry after its last write", async () => {
      const { layer, store } = setup({ groupExpiry: 100 });
      const clock = manualClock();
      const [old, renewed] = [await layer.newChannel(), await layer.newChannel()];
      await layer.groupAdd("room", old);
      clock.advance(60);
      await layer.groupAdd("room", renewed);
      clock.advance(60);
      await layer.groupSend("room", { type: "late" });
      await expect(layer.receive(renewed)).resolves.toEqual({ type: "late" });
      expect(layer.receiveNowait(old)).toBeUndefined();
      expect([...(store.groups.get("room")?.keys() ?? [])]).toEqual([renewed]);
    });
  });

  describe("restore after a reconnect", () => {
    it("puts back every membership still within groupExpiry, at its own score, before up", async () => {
      const { layer, transport, store } = setup({ groupExpiry: 100 });
      const clock = manualClock();
      const [a, b, expired] = [await layer.newChannel(), await layer.newChannel(), await layer.newChannel()];
      await layer.groupAdd("gone", expired);
      clock.advance(50);
      await layer.groupAdd("room", a);
      await layer.groupAdd("other", b);
      const scores = new Map(store.groups.get("room"));
      transport.disconnect();
      store.wipe(); // a Redis restart without persistence
      clock.advance(60); // "gone" is past groupExpiry now, "room" and "other" are not
      const up = next(layer, "up");
      await transport.reconnect();
      await up;
      expect(store.groups.get("room")).toEqual(scores);
      expect([...(store.groups.get("other")?.keys() ?? [])]).toEqual([b]);
      expect(store.groups.has("gone")).toBe(false);
      await layer.groupSend("room", { type: "after restart" });
      await expect(layer.receive(a)).resolves.toEqual({ type: "after restart" });
    });

    it("a send made while the connection is down waits, and goes out once the memberships are back", async () => {
      const { layer, transport, store } = setup({ pipelineGroupSends: false });
      const channel = await layer.newChannel();
      await layer.groupAdd("room", channel);
      transport.disconnect();
      store.wipe();
      const sending = layer.groupSend("room", { type: "during outage" });
      await transport.reconnect();
      await sending;
      await expect(layer.receive(channel)).resolves.toEqual({ type: "during outage" });
    });

    it("a host down for operationTimeoutMs fails what waits and what comes, until it is back", async () => {
      const { layer, transport } = setup();
      const channel = await layer.newChannel();
      transport.disconnect();
      const waiting = layer.send(channel, { type: "waits" });
      transport.timeOut();
      await expect(waiting).rejects.toBeInstanceOf(RedisHostUnavailable);
      expect(layer.unavailable).toBeInstanceOf(RedisHostUnavailable);
      await expect(layer.groupAdd("room", channel)).rejects.toMatchObject({ code: "REDIS_HOST_UNAVAILABLE" });
      await transport.reconnect();
      expect(layer.unavailable).toBeUndefined();
      await layer.send(channel, { type: "after" });
      await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
    });
  });

  describe("membership refresh", () => {
    it("re-adds, with a fresh score, only the memberships of channels that are being received on", async () => {
      const { layer, transport } = setup({ membershipRefreshSeconds: 0.02 });
      const [live, idle] = [await layer.newChannel(), await layer.newChannel()];
      await layer.groupAdd("room", live);
      await layer.groupAdd("room", idle);
      const added = transport.memberWrites.length;
      const receiving = layer.receive(live);
      const refresh = await transport.nextWrite();
      expect(transport.memberWrites).toHaveLength(added + 1);
      expect(refresh.group).toBe("room");
      expect(refresh.members.map(([channel]) => channel)).toEqual([live]);
      await layer.send(live, { type: "done" });
      await receiving;
    });

    it("a refresh that fails is a backgroundError event and a warning, and the next tick retries", async () => {
      const { layer, transport, warnings } = setup({ membershipRefreshSeconds: 0.02 });
      const channel = await layer.newChannel();
      await layer.groupAdd("room", channel);
      void layer.receive(channel).catch(() => undefined);
      transport.failWrites = new Error("READONLY replica");
      const failed = (await next(layer, "backgroundError")) as BackgroundErrorEvent;
      expect(failed).toMatchObject({ source: "membership refresh", error: transport.failWrites });
      expect(warnings.some((line) => line.includes("membership refresh failed, retrying: READONLY"))).toBe(true);
      transport.failWrites = undefined;
      await expect(transport.nextWrite()).resolves.toMatchObject({ group: "room" });
    });
  });

  describe("drop accounting and background errors", () => {
    it("undecodable data in the process queue is counted, emitted as malformed and dropped, and the next message arrives", async () => {
      const { layer, store, dropped } = setup();
      const channel = await layer.newChannel();
      const queue = channel.slice(0, channel.indexOf("!") + 1);
      const receiving = layer.receive(channel);
      const malformed = next(layer, "malformed");
      store.injectMalformed(queue);
      await expect(malformed).resolves.toEqual({ source: "asgi" + queue, reason: "not msgpack" });
      await layer.send(channel, { type: "good" });
      await expect(receiving).resolves.toEqual({ type: "good" });
      expect(layer.malformedCount).toBe(1);
      expect(dropped).toEqual([{ reason: "undecodable", channel: "asgi" + queue, count: 1 }]);
    });

    it("a failing pop is a backgroundError event and a warning; the loop retries and delivers", async () => {
      const { layer, transport, warnings } = setup();
      const channel = await layer.newChannel();
      transport.failNextPop = new Error("WRONGTYPE Operation against a key");
      const failed = next(layer, "backgroundError");
      const receiving = layer.receive(channel);
      await expect(failed).resolves.toMatchObject({ source: "receive loop", error: { message: /WRONGTYPE/ } });
      expect(warnings[0]).toMatch(/receive loop on ".*" failed, retrying: WRONGTYPE/);
      await layer.send(channel, { type: "after" });
      await expect(receiving).resolves.toEqual({ type: "after" });
    });

    it("a pipelined group send that fails after it resolved is a backgroundError and a layer-down drop", async () => {
      const { layer, transport, dropped } = setup();
      transport.failGroupSends = new Error("OOM command not allowed");
      const failed = next(layer, "backgroundError");
      await expect(layer.groupSend("room", { type: "lost" })).resolves.toBeUndefined();
      await expect(failed).resolves.toMatchObject({ source: "group send", error: transport.failGroupSends });
      expect(dropped).toEqual([{ reason: "layer down", group: "room", count: 1 }]);
      expect(layer.droppedCounts).toEqual({ "channel full": 0, expired: 0, undecodable: 0, "layer down": 1 });
    });

    it("a restore that fails is a backgroundError event, not silence", async () => {
      const { layer, transport } = setup();
      await layer.groupAdd("room", await layer.newChannel());
      transport.disconnect();
      transport.failWrites = new Error("NOPERM");
      const failed = next(layer, "backgroundError");
      await transport.reconnect();
      await expect(failed).resolves.toMatchObject({ source: "restore", error: transport.failWrites });
    });
  });

  describe("stats and ping (metrics, readiness)", () => {
    it("stats() counts this process's mailboxes and groups, and is down from a host's down event to its up", async () => {
      const { layer, transport } = setup();
      expect(layer.stats()).toEqual({ channels: 0, groups: 0, up: true });
      const channel = await layer.newChannel();
      await layer.groupAdd("room", channel);
      await layer.groupAdd("lobby", channel);
      const received = layer.receive(channel);
      expect(layer.stats()).toEqual({ channels: 1, groups: 2, up: true });
      transport.disconnect();
      expect(layer.stats().up).toBe(false);
      await expect(layer.ping()).rejects.toThrow("a Redis host is down");
      const up = next(layer, "up");
      await transport.reconnect();
      await up;
      expect(layer.stats().up).toBe(true);
      await layer.send(channel, { type: "x" });
      await received;
    });

    it("ping() resolves with the round trip in seconds, and rejects once the layer is closed", async () => {
      const { layer } = setup();
      const seconds = await layer.ping();
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(seconds).toBeLessThan(1);
      await layer.close();
      await expect(layer.ping()).rejects.toThrow("closed");
    });
  });
});
