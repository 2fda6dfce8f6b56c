import {
  DROP_REASONS,
  drops,
  InMemoryChannelLayer,
  type DropEvent,
  type InMemoryDroppedEvent,
} from "@channels-ts/core";

/** A layer with its warnings, `dropped` events and what the process hook saw from it. */
function setup(options: ConstructorParameters<typeof InMemoryChannelLayer>[0] = {}) {
  const warnings: string[] = [];
  const layer = new InMemoryChannelLayer({ logger: { warn: (line) => warnings.push(line) }, ...options });
  const dropped: InMemoryDroppedEvent[] = [];
  layer.on("dropped", (event) => dropped.push(event));
  const hooked: DropEvent[] = [];
  const stop = drops.onDrop((event) => {
    if (event.origin === "InMemoryChannelLayer") hooked.push(event);
  });
  return { layer, warnings, dropped, hooked, stop };
}

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
  jest.useRealTimers();
});

describe("InMemoryChannelLayer never drops silently", () => {
  it("a group send that skips full members counts them once per send, emits, reports to the hook, and logs once", async () => {
    const { layer, warnings, dropped, hooked, stop } = setup({ capacity: 1, warnIntervalMs: 60_000 });
    cleanup.push(stop, () => layer.close());
    for (const channel of ["a", "b", "c"]) await layer.groupAdd("room", channel);
    await layer.groupSend("room", { type: "first" }); // fills every member
    await layer.groupSend("room", { type: "second" }); // skips all three
    await layer.groupSend("room", { type: "third" }); // and again: counted, not logged yet
    expect(dropped).toEqual([
      { reason: "channel full", group: "room", count: 3 },
      { reason: "channel full", group: "room", count: 3 },
    ]);
    expect(hooked).toEqual([
      { origin: "InMemoryChannelLayer", reason: "channel full", group: "room", count: 3 },
      { origin: "InMemoryChannelLayer", reason: "channel full", group: "room", count: 3 },
    ]);
    expect(layer.droppedCounts).toEqual({ "channel full": 6, expired: 0 });
    expect(warnings).toEqual([
      'InMemoryChannelLayer: dropped 3 channel full (last for group "room"); 3 for this reason since start.',
    ]);
    // The rest is written when the layer closes (or when the interval ends).
    await layer.close();
    expect(warnings[1]).toMatch(/^InMemoryChannelLayer: dropped 3 channel full in the last \d+ s .*6 for this reason/);
    // Every member still has its first message: the skipped sends took nothing away.
  });

  it("a send to a full channel throws ChannelFull (the sender is told, nothing is counted)", async () => {
    const { layer, dropped, stop } = setup({ capacity: 1 });
    cleanup.push(stop, () => layer.close());
    await layer.send("c", { type: "one" });
    await expect(layer.send("c", { type: "two" })).rejects.toMatchObject({ code: "CHANNEL_FULL" });
    expect(dropped).toEqual([]);
    expect(layer.droppedCounts["channel full"]).toBe(0);
  });

  it("messages that expire unread are counted as expired with their channel when the channel is next used", async () => {
    jest.useFakeTimers();
    const { layer, dropped, hooked, warnings, stop } = setup({ expiry: 0.05 });
    cleanup.push(stop, () => layer.close());
    await layer.send("slow", { type: "old.1" });
    await layer.send("slow", { type: "old.2" });
    jest.advanceTimersByTime(60);
    await layer.send("slow", { type: "fresh" });
    await expect(layer.receive("slow")).resolves.toEqual({ type: "fresh" });
    expect(dropped).toEqual([{ reason: "expired", channel: "slow", count: 2 }]);
    expect(hooked).toEqual([{ origin: "InMemoryChannelLayer", reason: "expired", channel: "slow", count: 2 }]);
    expect(layer.droppedCounts.expired).toBe(2);
    expect(warnings).toEqual([
      'InMemoryChannelLayer: dropped 2 expired (last for "slow"); 2 for this reason since start.',
    ]);
  });

  it("the sweep counts what expired in channels nobody touches again", async () => {
    jest.useFakeTimers();
    const { layer, dropped, stop } = setup({ expiry: 0.05, groupExpiry: 0.05 });
    cleanup.push(stop, () => layer.close());
    await layer.send("abandoned", { type: "never.read" });
    jest.advanceTimersByTime(120);
    await layer.send("active", { type: "trigger" });
    expect(dropped).toEqual([{ reason: "expired", channel: "abandoned", count: 1 }]);
  });

  it("rejects a bad logger or warnIntervalMs by name", () => {
    expect(() => new InMemoryChannelLayer({ logger: {} as never })).toThrow(/logger/);
    expect(() => new InMemoryChannelLayer({ warnIntervalMs: -1 })).toThrow(/warnIntervalMs/);
  });

  it("the hook's reasons are one list for every layer, consumer and server", () => {
    expect(DROP_REASONS).toEqual([
      "channel full",
      "expired",
      "no handler",
      "undecodable",
      "client too slow",
      "rate limited",
      "layer down",
      "shutting down",
    ]);
  });
});
