import { describeWithRedis, useProcesses, useRedisServer } from "@channels-ts/test-fixtures";
import type { HarnessStats } from "./support/chat-harness";
import { runCycles, statsWhen } from "./support/cycles";
import { startHarness, type HarnessLayer } from "./support/harness-process";

const LAYERS: HarnessLayer[] = ["redis", "redis-pubsub"];
/** As many as in memory: each layer's run takes about 8 s on 2 shared cores. */
const CYCLES = 10_000;
const WARM_UP = 300;
/** As for the in-memory run (chat-cycles-leave-nothing.test.ts): any per-cycle leak of 500 bytes crosses it. */
const HEAP_GROWTH_BOUND = 5 * 1024 * 1024;

const empty = (stats: HarnessStats): boolean => stats.layer.channels === 0 && stats.layer.groups === 0;

describeWithRedis("the chat on a Redis layer after connect / join / send / close cycles", () => {
  const processes = useProcesses("each");
  const redis = useRedisServer();

  it.each(LAYERS)(
    `CHANNEL_LAYER=%s: ${CYCLES} cycles leave no membership in the process or in Redis, no message queued, and heap growth under 5 MB`,
    async (layer) => {
      const client = redis.client();
      await client.flushall();
      const chat = await startHarness(processes, { layer, redisUrl: redis.url });
      await runCycles(chat.port, WARM_UP, { prefix: "warm" }).catch((error: unknown) => {
        throw new Error(`${String(error)}; the chat's output:\n${chat.service.output}`);
      });
      const before = await statsWhen(chat.stats, empty);
      const started = performance.now();
      await runCycles(chat.port, CYCLES);
      const seconds = (performance.now() - started) / 1000;
      const after = await statsWhen(chat.stats, empty);

      expect(after.layer).toEqual({ channels: 0, groups: 0 });
      expect(after.drops === undefined ? 0 : Object.values(after.drops).reduce((a, b) => a + b, 0)).toBe(0);
      // Redis: no group key (an empty sorted set is deleted), no message waiting in a queue.
      // The queue layer's `<queue>$reader` marker is a PX key of a live reader, not a membership.
      const keys = await client.keys("*");
      const groupKeys = keys.filter((key) => key.includes(":group:"));
      expect(groupKeys).toEqual([]);
      const queued = await Promise.all(
        keys.filter((key) => !key.endsWith("$reader")).map(async (key) => [key, await client.type(key)] as const),
      );
      expect(queued).toEqual([]);
      if (layer === "redis-pubsub") {
        // Pub/sub: no group channel is still subscribed (the process's own inbox may be).
        const channels = (await client.call("PUBSUB", "CHANNELS", "*")) as string[];
        expect(channels.filter((name) => name.includes("leak") || name.includes("warm"))).toEqual([]);
      }
      const growth = after.heapUsed - before.heapUsed;
      process.stdout.write(
        `leak test (${layer}): ${CYCLES} cycles in ${seconds.toFixed(1)} s; heap growth ${(growth / 1024).toFixed(0)} KB ` +
          `(bound 5 MB); Redis keys left: ${JSON.stringify(keys)}\n`,
      );
      expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
    },
    60_000,
  );
});
