import type Redis from "ioredis";
import { describeWithRedis, useProcesses, useRedisServer, type TextClient } from "@channels-ts/test-fixtures";
import { startHarness, type HarnessLayer, type RunningHarness } from "./support/harness-process";
import { chatMessages, joinRoom } from "./support/room-client";

const SUITE = "the chat on two processes sharing one Redis, one of them killed with SIGKILL";

/** Messages each survivor in the shared room sends after the kill. */
const BURST = 50;
/**
 * The queue layer's membership lifetime in this test, shortened from its default of a day. A live
 * process refreshes its members every groupExpiry / 4 (membershipRefreshSeconds); a dead one
 * refreshes nothing, so its memberships end groupExpiry after their last refresh at the latest.
 */
const GROUP_EXPIRY_SECONDS = 3;

/** Resolves once `done` holds on what `probe` returns (asked every 100 ms), with the time it took; rejects after `timeoutMs`. */
async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    if (done(value)) return performance.now() - started;
    if (performance.now() - started > timeoutMs)
      throw new Error(`${what} not within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithRedis(SUITE, () => {
  describe.each<HarnessLayer>(["redis", "redis-pubsub"])("CHANNEL_LAYER=%s", (layer) => {
    const clients: TextClient[] = [];
    afterAll(() => Promise.all(clients.map((client) => client.close())));
    const processes = useProcesses("all");
    const redis = useRedisServer();
    let a: RunningHarness;
    let b: RunningHarness;
    let client: Redis;

    beforeAll(async () => {
      client = redis.client();
      const layerOptions = layer === "redis" ? { groupExpiry: GROUP_EXPIRY_SECONDS } : {};
      [a, b] = (await Promise.all(
        ["chat A", "chat B"].map((name) => startHarness(processes, { layer, redisUrl: redis.url, layerOptions, name })),
      )) as [RunningHarness, RunningHarness];
    }, 40_000);

    it("the survivor keeps serving its clients with nothing lost, and the dead process's memberships stop receiving within the documented bound", async () => {
      const a1 = await joinRoom(a.port, "shared", "A1");
      const a2 = await joinRoom(a.port, "shared", "A2");
      const b1 = await joinRoom(b.port, "shared", "B1");
      const b2 = await joinRoom(b.port, "shared", "B2");
      const solo = await joinRoom(a.port, "solo", "A-solo");
      clients.push(a1, a2, b1, b2, solo);
      // B's members are in the room: A's messages reach them before the kill.
      a1.send("before the kill");
      await Promise.all([b1, b2].map((member) => member.next("before the kill")));
      const bPrefix = (await b.stats()).clientPrefix as string;

      const killedAt = performance.now();
      b.service.kill("SIGKILL");
      await b.service.exited;
      await Promise.all([b1, b2].map((member) => member.closed));

      // The survivor: a burst from both of its members in the shared room, every message to both, once.
      const expected: string[] = [];
      for (let n = 0; n < BURST; n++)
        for (const sender of [a1, a2]) {
          const text = `${sender.label} after ${n}`;
          sender.send(text);
          expected.push(text);
        }
      const all = (received: readonly string[]): boolean => expected.every((text) => received.includes(text));
      await Promise.all([a1, a2].map((member) => member.until(`all ${expected.length} burst messages`, all, 10_000)));
      a1.send("fence");
      await Promise.all([a1, a2].map((member) => member.next("fence")));
      for (const member of [a1, a2])
        expect([...chatMessages(member).filter((text) => text.includes(" after "))].sort()).toEqual(
          [...expected].sort(),
        );
      // Another room on the survivor, and a client joining after the kill, work too.
      solo.send("solo after the kill");
      await solo.next("solo after the kill");
      const late = await joinRoom(a.port, "shared", "A-late");
      clients.push(late);
      expect(a.service.alive).toBe(true);
      expect(solo.received.filter((text) => /^A\d after \d+$/.test(text))).toEqual([]);

      let stoppedMs: number;
      let deadQueue = "none (nothing is stored)";
      if (layer === "redis-pubsub") {
        // Pub/sub: membership is a subscription of B's connection, gone with its socket.
        const numsub = async (): Promise<number> =>
          Number(((await client.call("PUBSUB", "NUMSUB", "asgi__group__shared")) as [string, number])[1]);
        await until("B's subscription to the shared room gone", numsub, (count) => count === 1, 2_000);
        stoppedMs = performance.now() - killedAt;
      } else {
        // Queue layer: B's memberships stay in the group until they expire; a group send skips
        // expired ones (and removes them). Measured from the kill until the group holds A's only.
        const members = async (): Promise<string[]> => {
          a1.send("probe"); // a group send: it also removes the expired members
          await a1.next("probe");
          return client.zrange("asgi:group:shared", 0, -1);
        };
        await until(
          "B's memberships expired",
          members,
          (names) => names.length > 0 && names.every((name) => !name.includes(bPrefix)),
          (GROUP_EXPIRY_SECONDS + 2) * 1000,
        );
        stoppedMs = performance.now() - killedAt;
        expect(stoppedMs).toBeLessThan((GROUP_EXPIRY_SECONDS + 1) * 1000);
        // After that, a group send writes nothing more to B's queue.
        const queue = `asgispecific.${bPrefix}!`;
        const queued = await client.zcard(queue);
        a1.send("after the expiry");
        await a1.next("after the expiry");
        expect(await client.zcard(queue)).toBe(queued);
        deadQueue = `${queued} messages left in its queue until it expires`;
      }
      const drops = (await a.stats()).drops;
      process.stdout.write(
        `kill -9 (${layer}): survivor delivered ${expected.length} x 2 burst messages, none lost; ` +
          `the dead process's memberships stopped receiving ${stoppedMs.toFixed(0)} ms after the kill; dead process: ${deadQueue}; ` +
          `survivor's drop counts ${JSON.stringify(drops)}\n`,
      );
    }, 40_000);
  });
});
