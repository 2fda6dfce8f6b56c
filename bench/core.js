"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Core hot-path benchmark (no network): one `groupSend` to a group of 1,000 WebsocketConsumers,
 * 1,000 times, through the in-memory layer; each consumer's handler sends the text to its
 * (fake) client. Prints messages delivered per second and heap used.
 *
 *     npx tsx bench/core.ts [--members 1000] [--sends 1000]
 */
const core_1 = require("@channels-ts/core");
function arg(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    const value = i === -1 ? NaN : Number(process.argv[i + 1]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
}
const members = arg("members", 1000);
const sends = arg("sends", 1000);
const expected = members * sends;
class BenchConsumer extends core_1.WebsocketConsumer {
    groups = ["bench"];
    async bench_message(message) {
        await this.send(message.text);
    }
}
async function main() {
    // Capacity above the burst so that no message is dropped for a full channel: we measure delivery.
    const layer = new core_1.InMemoryChannelLayer({ capacity: sends + 10 });
    core_1.channelLayers.set("default", layer);
    const app = BenchConsumer.asApp();
    let delivered = 0;
    let accepted = 0;
    let allDelivered;
    const done = new Promise((resolve) => (allDelivered = resolve));
    let allAccepted;
    const ready = new Promise((resolve) => (allAccepted = resolve));
    const disconnects = [];
    const running = [];
    for (let i = 0; i < members; i++) {
        let step = 0;
        const receive = () => {
            step++;
            if (step === 1)
                return Promise.resolve({ type: "websocket.connect" });
            return new Promise((resolve) => disconnects.push(() => resolve({ type: "websocket.disconnect", code: 1000 })));
        };
        running.push(app({ type: "websocket", path: "/", query_string: "", root_path: "", headers: [], subprotocols: [] }, receive, async (message) => {
            if (message.type === "websocket.send") {
                if (++delivered === expected)
                    allDelivered();
            }
            else if (message.type === "websocket.accept" && ++accepted === members) {
                allAccepted();
            }
        }));
    }
    await ready;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const message = { type: "bench.message", text: "hello, group" };
    const started = process.hrtime.bigint();
    for (let i = 0; i < sends; i++)
        await layer.groupSend("bench", message);
    await done;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(`core bench: ${members} members x ${sends} group sends through InMemoryChannelLayer`);
    console.log(`  delivered       ${delivered} messages in ${seconds.toFixed(3)} s`);
    console.log(`  throughput      ${Math.round(delivered / seconds).toLocaleString("en-US")} messages/s`);
    console.log(`  heap used       ${(heapAfter / 2 ** 20).toFixed(1)} MiB (was ${(heapBefore / 2 ** 20).toFixed(1)} MiB before the sends)`);
    for (const disconnect of disconnects)
        disconnect();
    await Promise.all(running);
    await layer.close();
}
main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
//# sourceMappingURL=core.js.map