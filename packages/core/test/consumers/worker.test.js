"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
describe("Worker", () => {
    it("runs one application instance per channel and hands it every message in order", async () => {
        const layer = new core_1.InMemoryChannelLayer();
        const seen = [];
        let allSeen;
        const done = new Promise((resolve) => (allSeen = resolve));
        class Thumbnails extends core_1.AsyncConsumer {
            async make_thumbnail(message) {
                seen.push(`${String(this.scope.channel)}:${String(message.id)}`);
                if (seen.length === 3)
                    allSeen();
            }
        }
        const app = Thumbnails.asApp({ channelLayerAlias: "" });
        const worker = new core_1.Worker((0, core_1.ChannelNameRouter)({ thumbs: app, other: app }), ["thumbs", "other"], { layer });
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
        const app = core_1.AsyncConsumer.asApp();
        expect(() => new core_1.Worker(app, ["specific.x!y"], { layer: new core_1.InMemoryChannelLayer() })).toThrow(/process-specific/);
        expect(() => new core_1.Worker(app, [], { layer: new core_1.InMemoryChannelLayer() })).toThrow(/at least one channel/);
        expect(() => new core_1.Worker(app, ["a"], { alias: "nope" })).toThrow(core_1.ChannelLayerMissing);
    });
    it("stop() ends run() and every instance", async () => {
        const layer = new core_1.InMemoryChannelLayer();
        let ended = 0;
        let ticked;
        const tickSeen = new Promise((resolve) => (ticked = resolve));
        class Counter extends core_1.AsyncConsumer {
            async tick() {
                ticked();
            }
            async run(...args) {
                try {
                    await super.run(...args);
                }
                finally {
                    ended++;
                }
            }
        }
        const worker = new core_1.Worker(Counter.asApp({ channelLayerAlias: "" }), ["ticks"], { layer });
        const running = worker.run();
        await layer.send("ticks", { type: "tick" });
        await tickSeen;
        await worker.stop();
        await running;
        expect(ended).toBe(1);
        await layer.close();
    });
});
//# sourceMappingURL=worker.test.js.map