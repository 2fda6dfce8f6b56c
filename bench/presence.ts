/**
 * The cost of presence in a group of 10,000: tracking them, listing the group, counting it, on
 * the in-memory layer and on Redis (a redis-server started on a free port and stopped after),
 * read from a second layer instance as another process would. Prints one line per figure.
 *
 *     node --import tsx bench/presence.ts [--presences 10000] [--repeats 20]
 */
import { join } from "node:path";
import {
  InMemoryChannelLayer,
  configurePresence,
  countPresence,
  listPresence,
  presenceOf,
  type ChannelLayer,
} from "@channels-ts/core";
import { RedisChannelLayer, RedisPresenceStore } from "@channels-ts/redis";
import { freePort, startProcess, stopAll } from "./processes";

const ROOT = join(__dirname, "..");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const presences = arg("presences", 10_000);
const repeats = arg("repeats", 20);

/** Median milliseconds of `repeats` runs of `work`. */
async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const startedAt = performance.now();
    await work();
    times.push(performance.now() - startedAt);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}

async function measure(name: string, writer: ChannelLayer, reader: ChannelLayer): Promise<void> {
  const member = await reader.newChannel();
  await reader.groupAdd("room", member);
  const presence = presenceOf(writer);
  const startedAt = performance.now();
  // In bursts of 1,000, as a reconnect storm would come.
  for (let i = 0; i < presences; i += 1000) {
    const burst: Array<Promise<string>> = [];
    for (let j = i; j < Math.min(i + 1000, presences); j++) {
      burst.push(presence.track(`specific.bench!${j}`, "room", `user${j}`, { name: `User ${j}`, joinedAt: j }));
    }
    await Promise.all(burst);
  }
  const trackMs = performance.now() - startedAt;
  presence.flushDiffs();
  let diffs = 0;
  let joins = 0;
  while (joins < presences) {
    const diff = (await reader.receive(member, { signal: AbortSignal.timeout(10_000) })) as unknown as {
      joins: Record<string, unknown>;
    };
    diffs++;
    joins += Object.keys(diff.joins).length;
  }
  const listed = await listPresence(reader, "room");
  if (Object.keys(listed).length !== presences) throw new Error(`${name}: listed ${Object.keys(listed).length}`);
  const listMs = await median(() => listPresence(reader, "room"));
  const countMs = await median(() => countPresence(reader, "room"));
  const count = await countPresence(reader, "room");
  const bytes = Buffer.byteLength(JSON.stringify(listed));
  console.log(
    `${name}: track ${presences} in ${trackMs.toFixed(0)} ms (${((presences / trackMs) * 1000).toFixed(0)}/s), ` +
      `${diffs} diffs; list ${listMs.toFixed(2)} ms (${(bytes / 1024).toFixed(0)} KiB as JSON), ` +
      `count ${countMs.toFixed(3)} ms (= ${count}); medians of ${repeats}`,
  );
}

async function main(): Promise<void> {
  const memory = new InMemoryChannelLayer({ capacity: 1000 });
  await measure("in-memory", memory, memory);
  await memory.close();

  const port = await freePort();
  await startProcess({
    name: "redis-server",
    command: "redis-server",
    args: ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"],
    cwd: ROOT,
    ready: /Ready to accept connections/,
  });
  const url = `redis://127.0.0.1:${port}`;
  try {
    for (const name of ["RedisChannelLayer"]) {
      const writer = new RedisChannelLayer({ hosts: [url], capacity: 1000 });
      const reader = new RedisChannelLayer({ hosts: [url], capacity: 1000 });
      configurePresence(writer, { store: new RedisPresenceStore({ host: url }) });
      configurePresence(reader, { store: new RedisPresenceStore({ host: url }) });
      await measure(`${name} (read by a second layer)`, writer, reader);
      await presenceOf(writer).close();
      await presenceOf(reader).close();
      await writer.close();
      await reader.close();
    }
  } finally {
    await stopAll();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exitCode = 1;
});
