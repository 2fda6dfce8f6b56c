import {
  AsyncConsumer,
  ApplicationCommunicator,
  InMemoryChannelLayer,
  channelLayers,
  drops,
  onHandlerDuration,
  type ChannelScope,
  type DropEvent,
} from "@channels-ts/core";

class Worker extends AsyncConsumer {
  async known(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a message no handler takes", () => {
  let replaced: ReturnType<typeof channelLayers.set>;
  let layer: InMemoryChannelLayer;
  beforeEach(() => {
    layer = new InMemoryChannelLayer();
    replaced = channelLayers.set("default", layer);
  });
  afterEach(async () => {
    channelLayers.set("default", replaced);
    await layer.close();
  });

  it("ends the consumer as in Channels, and is counted as 'no handler' through the hook", async () => {
    const seen: DropEvent[] = [];
    const stop = drops.onDrop((event) => seen.push(event));
    const before = drops.count("no handler", "consumer");
    try {
      const scope: ChannelScope = { type: "channel", channel: "work" };
      const communicator = new ApplicationCommunicator(Worker.asApp(), scope);
      await communicator.sendInput({ type: "unknown.type" } as never);
      await expect(communicator.wait()).rejects.toThrow('No handler for message type "unknown.type"');
      expect(seen).toEqual([
        expect.objectContaining({
          origin: "consumer",
          reason: "no handler",
          count: 1,
          detail: expect.stringContaining("unknown.type") as string,
        }),
      ]);
      expect(drops.count("no handler", "consumer")).toBe(before + 1);
    } finally {
      stop();
    }
  });

  it("handler time goes to onHandlerDuration listeners, async handlers until their promise settles", async () => {
    const durations: number[] = [];
    let twoTimed!: () => void;
    const timed = new Promise<void>((resolve) => (twoTimed = resolve));
    const stop = onHandlerDuration((seconds) => {
      if (durations.push(seconds) === 2) twoTimed();
    });
    try {
      const communicator = new ApplicationCommunicator(Worker.asApp(), { type: "channel", channel: "work" });
      await communicator.sendInput({ type: "known" } as never);
      await communicator.sendInput({ type: "known" } as never);
      await timed;
      await communicator.stop();
      expect(durations).toHaveLength(2);
      for (const seconds of durations) expect(seconds).toBeGreaterThanOrEqual(0.015);
    } finally {
      stop();
    }
    // Off again: nothing more is timed.
    const communicator = new ApplicationCommunicator(Worker.asApp(), { type: "channel", channel: "work" });
    await communicator.sendInput({ type: "known" } as never);
    await communicator.stop();
    expect(durations).toHaveLength(2);
  });
});
