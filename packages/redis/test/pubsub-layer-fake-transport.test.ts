import { encode } from "@msgpack/msgpack";
import { drops, type DropEvent } from "@channels-ts/core";
import {
  RedisHostUnavailable,
  RedisPubSubChannelLayer,
  type BackgroundErrorEvent,
  type DroppedEvent,
  type RedisPubSubChannelLayerOptions,
} from "@channels-ts/redis";
import { FakePubSubBus, type FakePubSubTransport } from "../src/testing/fake-pubsub-bus";

/** A layer on `bus`, its warnings and its events, closed after the test. */
function setup(options: Omit<RedisPubSubChannelLayerOptions, "transport"> = {}, bus = new FakePubSubBus()) {
  const warnings: string[] = [];
  const layer = new RedisPubSubChannelLayer({
    logger: { warn: (line) => warnings.push(line) },
    ...options,
    transport: bus.transport,
  });
  open.push(layer);
  const transport = bus.transports.at(-1) as FakePubSubTransport;
  const dropped: DroppedEvent[] = [];
  layer.on("dropped", (event) => dropped.push(event));
  layer.on("dropped", (event) => layerDrops.push(event));
  return { layer, transport, bus, warnings, dropped };
}

const open: RedisPubSubChannelLayer[] = [];
/** Every `dropped` event of this test's layers, and what the process-wide hook saw meanwhile. */
let layerDrops: DroppedEvent[] = [];
let hookDrops: DropEvent[] = [];
const reasonsSeen = new Set<string>();
let stopHook = (): void => undefined;
beforeEach(() => {
  layerDrops = [];
  hookDrops = [];
  stopHook = drops.onDrop((event) => {
    if (event.origin === "RedisPubSubChannelLayer") hookDrops.push(event);
  });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((layer) => layer.close()));
  stopHook();
  // One hook sees every drop a layer emits, with the same reason, place and count.
  expect(hookDrops.map(({ reason, channel, group, count }) => ({ reason, channel, group, count }))).toEqual(
    layerDrops.map(({ reason, channel, group, count }) => ({ reason, channel, group, count })),
  );
  for (const event of hookDrops) reasonsSeen.add(event.reason);
});
afterAll(() => {
  // Every reason the pub/sub layer can drop a message for was counted through the hook by some test here.
  expect([...reasonsSeen].sort()).toEqual(["channel full", "expired", "layer down", "undecodable"]);
});

function next<E extends "dropped" | "backgroundError" | "up" | "down">(
  layer: RedisPubSubChannelLayer,
  event: E,
): Promise<Parameters<Parameters<RedisPubSubChannelLayer["once"]>[1]>[0]> {
  return new Promise((resolve) => layer.once(event, resolve as never));
}

describe("RedisPubSubChannelLayer on a fake bus", () => {
  it("capacity: a channel beyond its capacity drops its oldest message, counted, emitted and logged once", async () => {
    const { layer, warnings, dropped } = setup({ capacity: 2 });
    const channel = await layer.newChannel();
    for (const type of ["one", "two", "three", "four"]) await layer.send(channel, { type });
    await layer.send(channel, { type: "five" }); // sends are delivered in order: the fifth comes last
    await expect(layer.receive(channel)).resolves.toEqual({ type: "four" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "five" });
    expect(layer.droppedCounts).toEqual({ "channel full": 3, undecodable: 0, "layer down": 0 });
    expect(dropped).toEqual(Array.from({ length: 3 }, () => ({ reason: "channel full", channel, count: 1 })));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`dropped 1 channel full (last for ${JSON.stringify(channel)})`);
  });

  it("per-channel capacity applies to group members as to direct sends", async () => {
    const { layer, dropped } = setup({ channelCapacity: [["tight.*", 1]] });
    const [tight, roomy] = [await layer.newChannel("tight"), await layer.newChannel("roomy")];
    await layer.groupAdd("room", tight);
    await layer.groupAdd("room", roomy);
    await layer.groupSend("room", { type: "a" });
    await layer.groupSend("room", { type: "b" });
    await expect(layer.receive(roomy)).resolves.toEqual({ type: "a" });
    await expect(layer.receive(roomy)).resolves.toEqual({ type: "b" });
    await expect(layer.receive(tight)).resolves.toEqual({ type: "b" });
    expect(dropped).toEqual([{ reason: "channel full", channel: tight, count: 1 }]);
  });

  it("expiry: a mailbox nobody receives on is swept after expiry, its messages counted as expired", async () => {
    const { layer, dropped } = setup({ expiry: 0.05 });
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const expired = next(layer, "dropped");
    await layer.groupSend("room", { type: "never read" });
    await expect(expired).resolves.toEqual({ reason: "expired", channel, count: 1 });
    expect(layer.droppedCounts.expired).toBe(1);
    expect(dropped).toHaveLength(1);
  });

  it("restore: after a reconnect the layer's subscriptions are back before up, and a send made meanwhile waits for it", async () => {
    const { layer, transport } = setup();
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const down = next(layer, "down");
    transport.disconnect();
    await expect(down).resolves.toMatchObject({ host: "fake", firstConnection: false });
    expect(transport.settled).toBe(false);
    let sent = false;
    const sending = layer.groupSend("room", { type: "during outage" }).then(() => (sent = true));
    await Promise.resolve();
    expect(sent).toBe(false);
    const up = next(layer, "up");
    transport.reconnect();
    await up;
    await sending;
    expect(transport.subscriptions).toEqual(["asgi__group__room"]);
    await expect(layer.receive(channel)).resolves.toEqual({ type: "during outage" });
  });

  it("a host down longer than operationTimeoutMs fails what waits and what comes, until it is back", async () => {
    const { layer, transport } = setup();
    const channel = await layer.newChannel();
    transport.disconnect();
    const waiting = layer.send(channel, { type: "waits" });
    transport.timeOut();
    await expect(waiting).rejects.toBeInstanceOf(RedisHostUnavailable);
    expect(layer.unavailable).toBeInstanceOf(RedisHostUnavailable);
    await expect(layer.groupAdd("room", channel)).rejects.toMatchObject({ code: "REDIS_HOST_UNAVAILABLE" });
    transport.reconnect();
    expect(layer.unavailable).toBeUndefined();
    await layer.send(channel, { type: "after" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
  });

  it("layer down: a publish the bus refuses is counted, emitted and logged with its error; the send does not wait for it", async () => {
    const { layer, transport, warnings } = setup();
    transport.refusePublishes = new Error("NOPERM this user has no permissions");
    const dropped = next(layer, "dropped");
    await layer.groupSend("room", { type: "refused" });
    await expect(dropped).resolves.toEqual({ reason: "layer down", channel: "asgi__group__room", count: 1 });
    expect(layer.droppedCounts["layer down"]).toBe(1);
    expect(warnings[0]).toMatch(/dropped 1 layer down \(last for "asgi__group__room": NOPERM/);
  });

  it("undecodable: a payload that is not a channels_redis message is counted, emitted as dropped and malformed", async () => {
    const { layer, bus } = setup();
    const channel = await layer.newChannel();
    const malformed = new Promise((resolve) => layer.once("malformed", resolve));
    const dropped = next(layer, "dropped");
    bus.publish(channel, Buffer.from([0xc1]));
    bus.publish(channel, Buffer.from(encode({ text: "no type" })));
    await expect(malformed).resolves.toMatchObject({ source: channel });
    await expect(dropped).resolves.toEqual({ reason: "undecodable", channel, count: 1 });
    await layer.send(channel, { type: "good" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "good" });
    expect(layer.malformedCount).toBe(2);
    expect(layer.droppedCounts.undecodable).toBe(2);
  });

  it("background errors: a restore that fails is a backgroundError event and a warning, not silence", async () => {
    const { layer, transport, warnings } = setup();
    await layer.groupAdd("room", await layer.newChannel());
    transport.disconnect();
    transport.failNextRestore = new Error("NOPERM subscribe refused");
    const failed = next(layer, "backgroundError") as Promise<BackgroundErrorEvent>;
    transport.reconnect();
    const event = await failed;
    expect(event.source).toBe("restore");
    expect(event.error.message).toContain("NOPERM");
    expect(warnings.some((line) => line.includes("restore failed, retrying: NOPERM"))).toBe(true);
  });

  it("two layers on one bus: group members in both get a group send once", async () => {
    const bus = new FakePubSubBus("per-channel");
    const a = setup({}, bus);
    const b = setup({}, bus);
    const [inA, inB] = [await a.layer.newChannel(), await b.layer.newChannel()];
    await a.layer.groupAdd("room", inA);
    await b.layer.groupAdd("room", inB);
    await a.layer.groupSend("room", { type: "hello" });
    await a.layer.send(inB, { type: "direct" });
    await expect(a.layer.receive(inA)).resolves.toEqual({ type: "hello" });
    await expect(b.layer.receive(inB)).resolves.toEqual({ type: "hello" });
    await expect(b.layer.receive(inB)).resolves.toEqual({ type: "direct" });
    await b.layer.discardChannel(inB);
    expect(bus.transports[1]?.listeningOwn(inB)).toBe(false);
    expect(bus.transports[1]?.subscriptions).toEqual([]);
  });

  it("stats() counts mailboxes and groups and follows the host's down and up; ping() times a round trip", async () => {
    const { layer, transport } = setup();
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const received = layer.receive(channel);
    expect(layer.stats()).toEqual({ channels: 1, groups: 1, up: true });
    expect(await layer.ping()).toBeLessThan(1);
    const down = next(layer, "down");
    transport.disconnect();
    await down;
    expect(layer.stats().up).toBe(false);
    await expect(layer.ping()).rejects.toThrow("a Redis host is down");
    const up = next(layer, "up");
    transport.reconnect();
    await up;
    expect(layer.stats().up).toBe(true);
    await layer.send(channel, { type: "x" });
    await received;
  });
});
