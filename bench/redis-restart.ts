/**
 * A Redis restart under load: how long until delivery is complete again, and what was lost.
 *
 *     npm run bench:redis-restart -w bench [-- --repeats 3 --layers redis,redis-pubsub
 *       --rooms 10 --members 6 --intervalMs 10 --downMs 0]
 *
 * For each repeat, each layer in turn (interleaved): a fresh redis-server on a free port, two chat
 * processes on it (`CHANNEL_LAYER=redis` or `redis-pubsub`), `rooms` rooms of `members` clients
 * spread over both processes (this process is the load generator). One sender per room (on
 * either process, alternately) sends a numbered message every `intervalMs`. After `warmupS` the
 * redis-server is stopped by PID (SIGTERM) and, `downMs` later, started again on the same port
 * with no data; the traffic goes on for `afterS` seconds after it is ready, then the chat
 * processes are stopped (SIGTERM: the layers write their pending drop counts) and their log
 * lines are read. The JSON lines also go to bench/results/redis-restart.jsonl.
 *
 * Figures per run (one JSON line each on stderr, medians on stdout):
 * - `outageMs`: from the SIGTERM to redis-server's "Ready to accept connections" again;
 * - `upMs`: from then until both chat processes logged "Redis ... is up" (reconnected, state restored);
 * - `recoveryMs`: from "Ready to accept connections" to the send of the first message after
 *   which every message reached every member of its room (0 when everything sent after the
 *   restart arrived): the bound on how long a restart keeps delivery incomplete;
 * - `lostMessages` / `lostDeliveries`: messages that missed at least one member, and the member
 *   deliveries missing; split by where the member was (`lostSameProcess` as the sender's
 *   process, `lostOtherProcess`) and by when the message was sent (`lostSentWhileDown`: before
 *   redis-server was ready again, including what was queued in it at the stop; `lostSentAfterReady`);
 * - `countedDrops`: what the two chat processes' layers reported as dropped (their rate-limited
 *   log lines), by reason; `silent` = lostDeliveries − counted (deliveries no one reported);
 * - `duplicates`: deliveries of a message a member already had;
 * - `closedSockets`, `processesUp`: clients closed by the server, chat processes still running;
 * - `restartReported`: chat processes whose layer warned that Redis came back as another process.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import {
  freePort,
  startProcess,
  stopAll,
  stopAllOnSignals,
  stopProcess,
  stillRunning,
  type Started,
} from "./processes";
import { ROOT, SERVERS } from "./servers";

type Layer = "redis" | "redis-pubsub";

interface Options {
  repeats: number;
  layers: Layer[];
  rooms: number;
  members: number;
  intervalMs: number;
  warmupS: number;
  afterS: number;
  downMs: number;
}

function options(): Options {
  const flag = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const num = (name: string, fallback: number, min: number, max: number): number => {
    const raw = flag(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`--${name} ${raw}: use a number from ${min} to ${max}`);
    return value;
  };
  const layers = (flag("layers") ?? "redis,redis-pubsub").split(",");
  for (const layer of layers)
    if (layer !== "redis" && layer !== "redis-pubsub") throw new Error(`--layers ${layer}: use redis, redis-pubsub`);
  return {
    repeats: num("repeats", 3, 1, 20),
    layers: layers as Layer[],
    rooms: num("rooms", 10, 1, 200),
    members: num("members", 6, 2, 100),
    intervalMs: num("intervalMs", 10, 1, 1000),
    warmupS: num("warmupS", 2, 0.5, 60),
    afterS: num("afterS", 5, 1, 120),
    downMs: num("downMs", 0, 0, 60_000),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

// ---- redis-server and the chat processes ----

function redisServer(port: number): Promise<Started> {
  return startProcess({
    name: "redis-server",
    command: "redis-server",
    args: ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"],
    cwd: ROOT,
    ready: /Ready to accept connections/,
  });
}

interface Chat {
  started: Started;
  /** Every line the process wrote after it was ready. */
  lines: string[];
  /** When it last wrote "chat: Redis ... is up." (its layer reconnected and restored its state). */
  upAt: number | undefined;
}

async function startChat(layer: Layer, redisUrl: string): Promise<Chat> {
  const spec = SERVERS.find((server) => server.key === (layer === "redis" ? "channels-redis" : "channels-pubsub"));
  if (spec === undefined) throw new Error(`no bench server for ${layer}`);
  const started = await startProcess(spec.start(redisUrl));
  const chat: Chat = { started, lines: [], upAt: undefined };
  let rest = "";
  const onData = (chunk: Buffer): void => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop() ?? "";
    for (const line of parts) if (/^chat: Redis \S+ is up\./.test(line)) chat.upAt = performance.now();
    chat.lines.push(...parts);
  };
  started.child.stdout?.on("data", onData);
  started.child.stderr?.on("data", onData);
  return chat;
}

/** The drops the layers' warning lines report, by reason (both layers' formats). */
/** The layers' warning when a host came back as another Redis process (redis-layer-base.ts). */
const RESTART_WARNING = /Redis \S+ restarted \(run_id /;

export function countedDrops(lines: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (reason: string, count: number): void => void (counts[reason] = (counts[reason] ?? 0) + count);
  for (const line of lines) {
    const core = /RedisChannelLayer: dropped (\d+) message\(s\)[^(]*\(([^)]+)\)/.exec(line);
    if (core !== null) add(core[2] as string, Number(core[1]));
    const pubsub = /RedisPubSubChannelLayer: dropped (.+?)(?: \(last for |\.$)/.exec(line);
    if (pubsub !== null)
      for (const part of (pubsub[1] as string).split(", ")) {
        const match = /^(\d+) (.+)$/.exec(part);
        if (match !== null) add(match[2] as string, Number(match[1]));
      }
  }
  return counts;
}

// ---- the clients ----

interface Member {
  ws: WebSocket;
  room: number;
  /** The chat process it is connected to (0 or 1). */
  process: number;
  /** Sequence numbers of its room's messages it received. */
  got: Set<number>;
  /** Messages it received a second time. */
  twice: number;
  closedWith: number | undefined;
}

function openMember(url: string, room: number, process: number, label: string): Promise<Member> {
  return new Promise<Member>((resolve, reject) => {
    const ws = new WebSocket(`${url}/room/r${room}/`, { perMessageDeflate: false });
    const member: Member = { ws, room, process, got: new Set(), twice: 0, closedWith: undefined };
    const timer = setTimeout(() => reject(new Error(`${label}: not in its room after 10 s`)), 10_000);
    ws.on("message", (data: Buffer) => {
      const text = data.toString();
      if (text === `join ${label}`) {
        // A consumer handles its messages in order: its own join coming back proves membership.
        clearTimeout(timer);
        resolve(member);
        return;
      }
      const [room, seq] = text.split(" ");
      if (room !== `r${member.room}`) return;
      if (member.got.has(Number(seq))) member.twice++;
      else member.got.add(Number(seq));
    });
    ws.once("open", () => ws.send(`join ${label}`));
    ws.once("close", (code) => {
      member.closedWith = code;
      clearTimeout(timer);
      reject(new Error(`${label}: closed with ${code} before it was in its room`));
    });
    ws.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on("error", () => undefined);
  });
}

/** The chat closes a client with 1013 until its layer has reached Redis: try again then. */
async function joinWhenUp(url: string, room: number, process: number, label: string): Promise<Member> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openMember(url, room, process, label);
    } catch (error) {
      if (attempt === 50) throw error;
      await sleep(100);
    }
  }
}

interface Sent {
  room: number;
  seq: number;
  at: number;
}

/** One sender per room: a message every `intervalMs`, timed by its own clock; stopped by `stop()`. */
function traffic(senders: Member[], intervalMs: number): { sent: Sent[]; stop(): Promise<void> } {
  const sent: Sent[] = [];
  let running = true;
  const seq = senders.map(() => 0);
  const loop = (async () => {
    let next = performance.now();
    while (running) {
      senders.forEach((sender, i) => {
        if (sender.ws.readyState !== WebSocket.OPEN) return;
        const message = { room: sender.room, seq: seq[i]!++, at: performance.now() };
        sent.push(message);
        sender.ws.send(`r${message.room} ${message.seq}`);
      });
      next += intervalMs;
      await sleep(next - performance.now());
    }
  })();
  return {
    sent,
    async stop() {
      running = false;
      await loop;
    },
  };
}

// ---- one run ----

interface RunResult {
  layer: Layer;
  repeat: number;
  outageMs: number;
  /** From "Ready to accept connections" until both chat processes logged "Redis ... is up". */
  upMs: number;
  recoveryMs: number;
  sent: number;
  lostMessages: number;
  lostDeliveries: number;
  /** Of those, to a member on the sender's process / on the other one. */
  lostSameProcess: number;
  lostOtherProcess: number;
  /** Of those, of messages sent before "Ready to accept connections" / after. */
  lostSentWhileDown: number;
  lostSentAfterReady: number;
  duplicates: number;
  countedDrops: Record<string, number>;
  silent: number;
  closedSockets: number;
  processesUp: number;
  /** Chat processes whose layer warned that Redis restarted (its run_id changed): what Redis held is reported lost, uncounted. */
  restartReported: number;
}

async function runOnce(layer: Layer, repeat: number, o: Options): Promise<RunResult> {
  const port = await freePort();
  let redis = await redisServer(port);
  const url = `redis://127.0.0.1:${port}`;
  const chats = [await startChat(layer, url), await startChat(layer, url)];
  const members: Member[] = [];
  try {
    for (let room = 0; room < o.rooms; room++)
      for (let m = 0; m < o.members; m++) {
        const process = (room + m) % 2;
        const chat = chats[process] as Chat;
        members.push(await joinWhenUp(`ws://127.0.0.1:${chat.started.ready}`, room, process, `r${room}m${m}`));
      }
    const senders = Array.from({ length: o.rooms }, (_, room) => members[room * o.members] as Member);
    const load = traffic(senders, o.intervalMs);
    await sleep(o.warmupS * 1000);
    const stoppedAt = performance.now();
    await stopProcess(redis.child);
    await sleep(o.downMs);
    redis = await redisServer(port);
    const readyAt = performance.now();
    await sleep(o.afterS * 1000);
    await load.stop();
    // Settled: what has not arrived a second after the last send is not coming.
    await sleep(1000);
    const processesUp = chats.filter((chat) => chat.started.child.exitCode === null).length;
    const closedSockets = members.filter((member) => member.closedWith !== undefined).length;
    for (const member of members) member.ws.terminate();
    // SIGTERM: the layers close, writing their pending drop counts.
    await Promise.all(chats.map((chat) => stopProcess(chat.started.child)));

    const roomMembers = (room: number): Member[] => members.filter((member) => member.room === room);
    const lost = load.sent.map((message) => roomMembers(message.room).filter((member) => !member.got.has(message.seq)));
    const missing = lost.map((who) => who.length);
    const senderProcess = (room: number): number => (senders[room] as Member).process;
    let lostSameProcess = 0;
    let lostSentWhileDown = 0;
    lost.forEach((who, i) => {
      const message = load.sent[i] as Sent;
      lostSameProcess += who.filter((member) => member.process === senderProcess(message.room)).length;
      if (message.at < readyAt) lostSentWhileDown += who.length;
    });
    const upAt = Math.max(...chats.map((chat) => chat.upAt ?? Infinity));
    const lastIncomplete = missing.reduce((last, count, i) => (count > 0 ? i : last), -1);
    const recoveredAt = lastIncomplete === -1 ? stoppedAt : (load.sent[lastIncomplete + 1]?.at ?? Infinity);
    const counted = countedDrops(chats.flatMap((chat) => chat.lines));
    const lostDeliveries = missing.reduce((sum, count) => sum + count, 0);
    const countedTotal = Object.values(counted).reduce((sum, count) => sum + count, 0);
    return {
      layer,
      repeat,
      outageMs: Math.round(readyAt - stoppedAt),
      upMs: Math.round(upAt - readyAt),
      recoveryMs: Math.round(Math.max(0, recoveredAt - readyAt)),
      sent: load.sent.length,
      lostMessages: missing.filter((count) => count > 0).length,
      lostDeliveries,
      lostSameProcess,
      lostOtherProcess: lostDeliveries - lostSameProcess,
      lostSentWhileDown,
      lostSentAfterReady: lostDeliveries - lostSentWhileDown,
      duplicates: members.reduce((sum, member) => sum + member.twice, 0),
      countedDrops: counted,
      silent: Math.max(0, lostDeliveries - countedTotal),
      closedSockets,
      processesUp,
      restartReported: chats.filter((chat) => chat.lines.some((line) => RESTART_WARNING.test(line))).length,
    };
  } finally {
    for (const member of members) member.ws.terminate();
    await Promise.all(chats.map((chat) => stopProcess(chat.started.child)));
    await stopProcess(redis.child);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function main(): Promise<void> {
  stopAllOnSignals();
  const o = options();
  console.error(
    `bench redis-restart: ${o.repeats} repeat(s) x ${o.layers.join(", ")}, interleaved; ` +
      `${o.rooms} rooms x ${o.members} clients on 2 chat processes, one sender per room every ${o.intervalMs} ms`,
  );
  const results: RunResult[] = [];
  try {
    for (let repeat = 1; repeat <= o.repeats; repeat++)
      for (const layer of o.layers) {
        const result = await runOnce(layer, repeat, o);
        results.push(result);
        console.error(JSON.stringify(result));
      }
  } finally {
    await stopAll();
    const left = stillRunning();
    console.error(left.length === 0 ? "bench: every process it started has exited" : `bench: still running: ${left}`);
  }
  mkdirSync(join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(
    join(ROOT, "bench/results/redis-restart.jsonl"),
    results.map((result) => JSON.stringify(result)).join("\n") + "\n",
  );
  const figures = [
    "outageMs",
    "upMs",
    "recoveryMs",
    "sent",
    "lostMessages",
    "lostDeliveries",
    "lostSameProcess",
    "lostOtherProcess",
    "lostSentWhileDown",
    "lostSentAfterReady",
    "silent",
    "duplicates",
  ] as const;
  console.log(`\nbench redis-restart: medians of ${o.repeats} interleaved repeat(s)\n`);
  console.log(
    `| layer | ${figures.join(" | ")} | counted drops (all runs) | processes up, sockets closed, restart reported |`,
  );
  console.log(`|---|${figures.map(() => "---:").join("|")}|---|---|`);
  for (const layer of o.layers) {
    const runs = results.filter((result) => result.layer === layer);
    const counted: Record<string, number> = {};
    for (const run of runs)
      for (const [reason, count] of Object.entries(run.countedDrops)) counted[reason] = (counted[reason] ?? 0) + count;
    const countedText =
      Object.entries(counted)
        .map(([reason, count]) => `${count} ${reason}`)
        .join(", ") || "none";
    const up = runs.map((run) => `${run.processesUp}/2, ${run.closedSockets}, ${run.restartReported}/2`).join("; ");
    console.log(
      `| ${layer} | ${figures.map((figure) => median(runs.map((run) => run[figure]))).join(" | ")} | ${countedText} | ${up} |`,
    );
  }
}

if (require.main === module) {
  main().catch(async (error: unknown) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  });
}
