import type Redis from "ioredis";
import { RedisPubSubChannelLayer, type DroppedEvent } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

/** The layer's `dropped` events (the event both Redis layers share). */
function droppedEvents(layer: RedisPubSubChannelLayer): {
  events: DroppedEvent[];
  /** Resolves once `count` events have come in all (several may come in one read). */
  reach(count: number): Promise<DroppedEvent[]>;
} {
  const events: DroppedEvent[] = [];
  const waiting: Array<{ count: number; resolve(events: DroppedEvent[]): void }> = [];
  layer.on("dropped", (event) => {
    events.push(event);
    for (const w of waiting.filter((w) => w.count === events.length)) w.resolve(events);
  });
  return { events, reach: (count) => new Promise((resolve) => waiting.push({ count, resolve })) };
}

describeWithRedis("RedisPubSubChannelLayer counts, emits and logs what it cannot deliver", () => {
  const server = useRedisServer();
  let redis: Redis;
  beforeAll(() => {
    redis = server.client();
  });

  it("channel full: a channel beyond its capacity drops its oldest message, counted by reason", async () => {
    const warnings: string[] = [];
    await using layer = closing(
      new RedisPubSubChannelLayer({ hosts: [server.url], capacity: 2, logger: { warn: (m) => warnings.push(m) } }),
    );
    const { events, reach } = droppedEvents(layer);
    const channel = await layer.newChannel();
    const twoDropped = reach(2);
    for (const type of ["one", "two", "three", "four"]) await layer.send(channel, { type });
    await twoDropped; // "three" and "four" have arrived, each pushing out the oldest
    await expect(layer.receive(channel)).resolves.toEqual({ type: "three" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "four" });
    expect(layer.droppedCounts).toEqual({ "channel full": 2, undecodable: 0, "layer down": 0 });
    expect(events).toEqual([
      { reason: "channel full", channel, count: 1 },
      { reason: "channel full", channel, count: 1 },
    ]);
    expect(warnings).toHaveLength(1); // rate-limited: the second is counted for the next line
    expect(warnings[0]).toContain("dropped 1 channel full");
  });

  it("undecodable: a payload that is not msgpack is counted and emitted", async () => {
    await using layer = closing(
      new RedisPubSubChannelLayer({ hosts: [server.url], logger: { warn: () => undefined } }),
    );
    const dropped = droppedEvents(layer);
    const channel = await layer.newChannel();
    const one = dropped.reach(1);
    await redis.publish(channel, Buffer.from([0xc1]));
    await expect(one).resolves.toEqual([{ reason: "undecodable", channel, count: 1 }]);
    expect(layer.droppedCounts.undecodable).toBe(1);
  });

  it("layer down: a PUBLISH that Redis refuses is counted, emitted and logged, and the send itself does not wait for it", async () => {
    const warnings: string[] = [];
    await using layer = closing(
      new RedisPubSubChannelLayer({ hosts: [server.url], logger: { warn: (m) => warnings.push(m) } }),
    );
    const dropped = droppedEvents(layer);
    await layer.connect();
    await redis.call("ACL", "SETUSER", "default", "-publish");
    try {
      const one = dropped.reach(1);
      await layer.groupSend("room", { type: "refused" });
      await expect(one).resolves.toEqual([{ reason: "layer down", channel: "asgi__group__room", count: 1 }]);
    } finally {
      await redis.call("ACL", "SETUSER", "default", "+publish");
    }
    expect(layer.droppedCounts["layer down"]).toBe(1);
    expect(warnings[0]).toMatch(/dropped 1 layer down \(last for "asgi__group__room": NOPERM/);
  });
});
