import type { HarnessStats } from "./chat-harness";
import { joinRoom } from "./room-client";

/**
 * `count` connect / join / send / close cycles against the chat on `port`, `concurrency` at a
 * time, over `rooms` rooms (so every room has several members at once and each message reaches
 * others too). A cycle is one client: it connects to /room/<r>/, sends a message and waits for it
 * to come back through the group (so it is a member), then closes and waits for the close.
 */
export async function runCycles(
  port: number,
  count: number,
  { concurrency = 50, rooms = 20, prefix = "leak" } = {},
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const client = await joinRoom(port, `${prefix}${i % rooms}`, `c${i}`);
      await client.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
}

/**
 * Stats once `done` holds on them: a consumer's disconnect handler (leaving its group) runs after
 * its client saw the close, so the last cycles' memberships may still be going. Asked again
 * every 50 ms, at most for `timeoutMs`; the last stats are returned either way, for the assertion
 * to name.
 */
export async function statsWhen(
  stats: () => Promise<HarnessStats>,
  done: (stats: HarnessStats) => boolean,
  timeoutMs = 5_000,
): Promise<HarnessStats> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const now = await stats();
    if (done(now) || performance.now() > deadline) return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
