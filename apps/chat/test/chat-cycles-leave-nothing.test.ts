import { useProcesses } from "@channels-ts/test-fixtures";
import type { HarnessStats } from "./support/chat-harness";
import { runCycles, statsWhen } from "./support/cycles";
import { startHarness } from "./support/harness-process";

const CYCLES = 10_000;
const WARM_UP = 1_000;
/**
 * Heap growth allowed over 10,000 cycles, measured after full GCs on both sides. An idle accepted
 * connection costs about 5.8 KB of heap (connection-memory figures in BENCHMARKS.md): one such
 * object kept per cycle would be 58 MB, and any per-cycle leak of 500 bytes or more (a channel
 * name and a Map entry) crosses 5 MB. What remains is noise: V8's code and inline caches, and
 * its heap pages, which the GC may keep or not.
 */
const HEAP_GROWTH_BOUND = 5 * 1024 * 1024;

const empty = (stats: HarnessStats): boolean =>
  stats.layer.channels === 0 && stats.layer.groups === 0 && (stats.layer.queuedMessages ?? 0) === 0;

describe("the chat (in-memory layer) after 10,000 connect / join / send / close cycles", () => {
  const processes = useProcesses("all");

  it("holds no channel, no group and no queued message, and its heap grew by less than 5 MB", async () => {
    const chat = await startHarness(processes, { layer: "memory" });
    // Warm-up: code compiled, pools and caches at their working size, before the baseline.
    await runCycles(chat.port, WARM_UP, { prefix: "warm" });
    const before = await statsWhen(chat.stats, empty);
    expect(before.layer).toEqual({ channels: 0, groups: 0, queuedMessages: 0, up: true });

    const started = performance.now();
    await runCycles(chat.port, CYCLES);
    const seconds = (performance.now() - started) / 1000;
    const after = await statsWhen(chat.stats, empty);

    expect(after.layer).toEqual({ channels: 0, groups: 0, queuedMessages: 0, up: true });
    // The stats request's own connection is the only one left open.
    expect(after.connections).toBeLessThanOrEqual(1);
    const growth = after.heapUsed - before.heapUsed;
    process.stdout.write(
      `leak test (memory layer): ${CYCLES} cycles in ${seconds.toFixed(1)} s; heap ${mb(before.heapUsed)} -> ` +
        `${mb(after.heapUsed)} MB (growth ${(growth / 1024).toFixed(0)} KB, bound ${mb(HEAP_GROWTH_BOUND)} MB); ` +
        `rss ${mb(before.rss)} -> ${mb(after.rss)} MB\n`,
    );
    expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
  }, 90_000);
});

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
