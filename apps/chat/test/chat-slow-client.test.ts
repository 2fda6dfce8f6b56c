import { readFileSync } from "node:fs";
import type WebSocket from "ws";
import { openSocket, useProcesses, type TextClient } from "@channels-ts/test-fixtures";
import { startHarness, type RunningHarness } from "./support/harness-process";
import { joinRoom } from "./support/room-client";

const TALKERS = 8;
/** Each message is this big, so the room moves megabytes quickly. */
const MESSAGE_BYTES = 16 * 1024;
/** The policy under test: a client with more than this queued is closed with 1013. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Messages each talker sends in the room without the slow client, to measure the normal latency. */
const BASELINE_MESSAGES = 150;
/**
 * What the slow client's room sends it in the phase with it, at least: four times the memory
 * bound, so that a server keeping what a client does not read would cross the bound.
 */
const SLOW_PHASE_BYTES = 128 * 1024 * 1024;
/**
 * Growth of the server's RSS allowed while the slow client is in the room (over the baseline
 * phase's peak): the slow client may hold maxBufferedBytes plus a frame; the rest is the other
 * connections' own traffic and the allocator's slack. 32 MB is a quarter of what it is sent.
 */
const RSS_GROWTH_BOUND = 32 * 1024 * 1024;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples the server's RSS every 50 ms until stopped; the peak. */
function watchRss(pid: number): { stop(): number } {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssOf(pid));
    },
  };
}

/**
 * Every talker sends `<label> <n> <sent at> <padding>` and the next one as soon as its own comes
 * back (closed loop), until `more()` says stop; resolves with each round trip in ms. Each message
 * comes back through the group, so this is the latency every member sees.
 */
async function talk(talkers: TextClient[], more: (sent: number) => boolean): Promise<number[]> {
  const latencies: number[] = [];
  const padding = "x".repeat(MESSAGE_BYTES - 40);
  await Promise.all(
    talkers.map(
      (talker) =>
        new Promise<void>((resolve) => {
          let n = 0;
          const sendNext = (): void => {
            if (!more(n)) {
              talker.socket.off("message", onMessage);
              return resolve();
            }
            talker.send(`${talker.label} ${n++} ${performance.now().toFixed(3)} ${padding}`);
          };
          const onMessage = (data: WebSocket.RawData): void => {
            const [label, , sentAt] = String(data).split(" ", 3);
            if (label !== talker.label) return;
            latencies.push(performance.now() - Number(sentAt));
            sendNext();
          };
          talker.socket.on("message", onMessage);
          sendNext();
        }),
    ),
  );
  return latencies;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] as number;
}

/** How many messages of `TALKERS` talkers each `member` received. */
function countMessages(member: TextClient): number {
  return member.received.filter((text) => /^t\d+ \d+ /.test(text)).length;
}

describe("a client that never reads, in a busy room of the chat", () => {
  const processes = useProcesses("all");
  let chat: RunningHarness;
  let talkers: TextClient[];

  beforeAll(async () => {
    chat = await startHarness(processes, {
      layer: "memory",
      // The talkers send as fast as the room echoes (closed loop, well over 200/s): no rate limit.
      serverOptions: { maxBufferedBytes: MAX_BUFFERED_BYTES, closeTimeoutMs: 500, maxMessagesPerSecond: 0 },
    });
    talkers = await Promise.all(Array.from({ length: TALKERS }, (_, i) => joinRoom(chat.port, "busy", `t${i}`)));
  }, 30_000);
  afterAll(() => Promise.all(talkers.map((talker) => talker.close())));

  it("is closed with 1013 under the maxBufferedBytes policy, while the others' latency stays normal, they lose nothing, and the server's memory stays bounded", async () => {
    const baselineRss = watchRss(chat.pid);
    const baseline = await talk(talkers, (sent) => sent < BASELINE_MESSAGES);
    const baselinePeak = baselineRss.stop();

    // The slow client: joined like the others, then its socket is paused, so it reads nothing more.
    const { socket: slow, opened } = openSocket(`ws://127.0.0.1:${chat.port}/room/busy/`);
    await opened;
    const slowPort = (slow as unknown as { _socket: { localPort: number } })._socket.localPort;
    const joined = new Promise<void>((resolve) => slow.once("message", () => resolve()));
    slow.send("slow joined");
    await joined;
    slow.pause();

    const before = talkers.map(countMessages);
    const closedLine = new RegExp(`127\\.0\\.0\\.1:${slowPort} has \\d+ bytes queued .*closing it with 1013`);
    let closedAt: number | undefined;
    void chat.service.waitFor(closedLine, 60_000).then(
      () => (closedAt = performance.now()),
      () => undefined,
    );
    const perTalker = Math.ceil(SLOW_PHASE_BYTES / MESSAGE_BYTES / TALKERS);
    const slowRss = watchRss(chat.pid);
    const started = performance.now();
    const withSlow = await talk(talkers, (sent) => sent < perTalker);
    const seconds = (performance.now() - started) / 1000;
    const slowPeak = slowRss.stop();

    // Its fate: the policy's close, logged with its address; its connection is gone.
    await chat.service.waitFor(closedLine, 5_000);
    expect(closedAt).toBeDefined();
    const stats = await chat.stats();
    expect(stats.connections).toBeLessThanOrEqual(TALKERS + 1); // the talkers and the stats request
    slow.terminate();

    // The others: every message of every talker reached every talker.
    const sentInPhase = perTalker * TALKERS;
    expect(talkers.map((talker, i) => countMessages(talker) - (before[i] as number))).toEqual(
      talkers.map(() => sentInPhase),
    );
    // Latency: p99 with the slow client within 4x the p99 without it, or 250 ms above it. Generous:
    // the phases run one after the other on shared cores (other suites' load comes and goes),
    // while what this guards against, a server stalled by the client it cannot write to, costs
    // seconds.
    const normal = p99(baseline);
    const slowed = p99(withSlow);
    const growth = slowPeak - baselinePeak;
    process.stdout.write(
      `slow client: closed with 1013 after ${((closedAt as number) - started).toFixed(0)} ms; ` +
        `p99 latency ${normal.toFixed(1)} ms without it, ${slowed.toFixed(1)} ms with it ` +
        `(${sentInPhase} messages of ${MESSAGE_BYTES / 1024} KB in ${seconds.toFixed(1)} s); server RSS peak ` +
        `${(baselinePeak / 2 ** 20).toFixed(1)} -> ${(slowPeak / 2 ** 20).toFixed(1)} MB (bound +${RSS_GROWTH_BOUND / 2 ** 20} MB)\n`,
    );
    expect(slowed).toBeLessThan(Math.max(4 * normal, normal + 250));
    expect(growth).toBeLessThan(RSS_GROWTH_BOUND);
  }, 60_000);
});
