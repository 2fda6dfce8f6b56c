import {
  AsyncConsumer,
  ChannelLayerMissing,
  ChannelNameRouter,
  InMemoryChannelLayer,
  Worker,
  type Message,
} from "@channels-ts/core";

describe("Worker", () => {
  it("runs one application instance per channel and hands it every message in order", async () => {
    const layer = new InMemoryChannelLayer();
    const seen: string[] = [];
    let allSeen!: () => void;
    const done = new Promise<void>((resolve) => (allSeen = resolve));
    class Thumbnails extends AsyncConsumer {
      async make_thumbnail(message: Message): Promise<void> {
        seen.push(`${String(this.scope.channel)}:${String(message.id)}`);
        if (seen.length === 3) allSeen();
      }
    }
    const app = Thumbnails.asApp({ channelLayerAlias: "" });
    const worker = new Worker(ChannelNameRouter({ thumbs: app, other: app }), ["thumbs", "other"], { layer });
    const running = worker.run();
    await layer.send("thumbs", { type: "make.thumbnail", id: 1 });
    await layer.send("other", { type: "make.thumbnail", id: 2 });
    await layer.send("thumbs", { type: "make.thumbnail", id: 3 });
    await done;
    await worker.stop();
    await running;
    expect(seen.filter((s) => s.startsWith("thumbs"))).toEqual(["thumbs:1", "thumbs:3"]);
    expect(seen).toContain("other:2");
    await layer.close();
  });

  it("rejects process-specific channel names and a missing layer with clear errors", () => {
    const app = AsyncConsumer.asApp();
    expect(() => new Worker(app, ["specific.x!y"], { layer: new InMemoryChannelLayer() })).toThrow(/process-specific/);
    expect(() => new Worker(app, [], { layer: new InMemoryChannelLayer() })).toThrow(/at least one channel/);
    expect(() => new Worker(app, ["a"], { alias: "nope" })).toThrow(ChannelLayerMissing);
  });

  it("stop() ends run() and every instance", async () => {
    const layer = new InMemoryChannelLayer();
    let ended = 0;
    let ticked!: () => void;
    const tickSeen = new Promise<void>((resolve) => (ticked = resolve));
    class Counter extends AsyncConsumer {
      async tick(): Promise<void> {
        ticked();
      }
      override async run(...args: Parameters<AsyncConsumer["run"]>): Promise<void> {
        try {
          await super.run(...args);
        } finally {
          ended++;
        }
      }
    }
    const worker = new Worker(Counter.asApp({ channelLayerAlias: "" }), ["ticks"], { layer });
    const running = worker.run();
    await layer.send("ticks", { type: "tick" });
    await tickSeen;
    await worker.stop();
    await running;
    expect(ended).toBe(1);
    await layer.close();
  });
});
