import { describeWithRedis, useProcesses, useRedisServer, type TextClient } from "@channels-ts/test-fixtures";
import { startChat, type RedisLayerKind, type RunningServer } from "./support/chat-process";
import { countedDrops } from "./support/layer-drops";
import { joinRoom } from "./support/room-client";

const SUITE = "the chat on two processes through a Redis restart under traffic";

const LAYERS: RedisLayerKind[] = ["redis", "redis-pubsub"];
const ROOMS = 4;
const SEND_EVERY_MS = 20;
/** Messages every sender sends after both processes reported Redis up, before the check. */
const AFTER_UP = 25;

/** "<label> <n>": the n-th message of the client `label`. */
function parse(text: string): { from: string; n: number } | undefined {
  const match = /^(\S+) (\d+)$/.exec(text);
  return match === null ? undefined : { from: match[1] as string, n: Number(match[2]) };
}

/** Every client sends "<label> <n>" every SEND_EVERY_MS until stopped; `sent` counts per client. */
function traffic(clients: TextClient[]): { sent: Map<string, number>; stop(): void } {
  const sent = new Map(clients.map((client) => [client.label, 0]));
  const timer = setInterval(() => {
    for (const client of clients) {
      if (!client.isOpen) continue;
      const n = sent.get(client.label) as number;
      client.send(`${client.label} ${n}`);
      sent.set(client.label, n + 1);
    }
  }, SEND_EVERY_MS);
  return { sent, stop: () => clearInterval(timer) };
}

/** The n's `member` received from `from`. */
function receivedFrom(member: TextClient, from: string): Set<number> {
  const got = new Set<number>();
  for (const text of member.received) {
    const message = parse(text);
    if (message?.from === from) got.add(message.n);
  }
  return got;
}

describeWithRedis(SUITE, () => {
  describe.each(LAYERS)("CHANNEL_LAYER=%s", (layer) => {
    const servers: RunningServer[] = [];
    const rooms: TextClient[][] = [];
    /** Per sender, its first message sent after both processes reported Redis up. */
    let mark = new Map<string, number>();
    /** Per sender, the first message it sent after Redis was told to stop. */
    let atStop = new Map<string, number>();

    afterAll(() => Promise.all(rooms.flat().map((client) => client.close())));
    const processes = useProcesses("all");
    const redis = useRedisServer();

    beforeAll(async () => {
      servers.push(
        ...(await Promise.all([
          startChat(processes, layer, redis.url, "chat A"),
          startChat(processes, layer, redis.url, "chat B"),
        ])),
      );
      const [a, b] = servers as [RunningServer, RunningServer];
      for (let r = 0; r < ROOMS; r++) {
        // Every room spread over both processes: two members on each.
        const room = `load${r}`;
        rooms.push(
          await Promise.all([
            joinRoom(a.port, room, `A${r}.1`),
            joinRoom(a.port, room, `A${r}.2`),
            joinRoom(b.port, room, `B${r}.1`),
            joinRoom(b.port, room, `B${r}.2`),
          ]),
        );
      }
    }, 40_000);

    it("both processes stay up, every socket stays open, and once both report Redis up every message reaches every member of its room", async () => {
      const clients = rooms.flat();
      const load = traffic(clients);
      try {
        // Traffic flows across both processes before the restart.
        await Promise.all(
          rooms.flatMap((room) =>
            room.map((member) =>
              member.until("5 messages from every member of its room", () =>
                room.every((sender) => receivedFrom(member, sender.label).size >= 5),
              ),
            ),
          ),
        );
        atStop = new Map(load.sent);
        await redis.stop();
        await redis.restart();
        await Promise.all(servers.map((server) => server.service.waitFor(/chat: Redis \S+ is up\./, 15_000)));
        mark = new Map(load.sent);
        const wanted = (sender: TextClient): number[] =>
          Array.from({ length: AFTER_UP }, (_, i) => (mark.get(sender.label) as number) + i);
        await Promise.all(
          rooms.flatMap((room) =>
            room.map((member) =>
              member.until(
                `every message sent after both processes reported Redis up`,
                () => room.every((sender) => wanted(sender).every((n) => receivedFrom(member, sender.label).has(n))),
                15_000,
              ),
            ),
          ),
        );
      } finally {
        load.stop();
      }
      for (const server of servers)
        expect({ server: server.service.name, alive: server.service.alive }).toEqual({
          server: server.service.name,
          alive: true,
        });
      for (const client of clients)
        expect({ client: client.label, open: client.isOpen }).toEqual({
          client: client.label,
          open: true,
        });
      // Nothing from another room.
      for (const room of rooms) {
        const labels = new Set(room.map((client) => client.label));
        for (const member of room) {
          const messages = member.received.map(parse).filter((message) => message !== undefined);
          expect(messages.filter((message) => !labels.has(message.from))).toEqual([]);
        }
      }
    }, 60_000);

    // Not asserted: that nothing arrives twice. Both layers sometimes deliver a message twice
    // across a restart (bench/redis-restart.ts counts them: `duplicates`), not in every run, so
    // neither `it` nor `it.failing` would stay green; see the issue-9 report.

    // What the restart loses, and what of it can be counted. A group send that never reached
    // Redis, or whose reply the closing connection lost, is a "layer down" drop (one per message,
    // whatever the number of members). What Redis took and lost with its memory (messages queued
    // for a process, and sends that reached it before every process had restored its memberships)
    // cannot be counted: that Redis is gone. So the layers detect the restart (the host's run_id
    // changed) and say so, once per restart, before `up`. See docs/channel-layers.md.
    it("what the outage lost is told: each process reports the restart, a message lost for every member is counted as layer down, and losses are confined to the outage", async () => {
      // SIGTERM: the layers close and write the drops they have not logged yet.
      await Promise.all(servers.map((server) => server.service.stop(5_000)));
      let missingDeliveries = 0;
      let lostWhole = 0;
      const lostTooEarly: string[] = [];
      for (const room of rooms)
        for (const sender of room) {
          const label = sender.label;
          for (let n = 0; n < (mark.get(label) as number); n++) {
            const missedBy = room.filter((member) => !receivedFrom(member, label).has(n)).length;
            missingDeliveries += missedBy;
            if (missedBy === room.length) lostWhole++;
            // One message interval before the stop may still have been on its way when Redis stopped.
            if (missedBy > 0 && n < (atStop.get(label) as number) - 1) lostTooEarly.push(`${label} ${n}`);
          }
        }
      const outputs = servers.map((server) => server.service.output);
      const restartLines = outputs.map(
        (output) => output.match(/Redis \S+ restarted \(run_id \w+ -> \w+\)/g)?.length ?? 0,
      );
      const counted = countedDrops(outputs.join("\n"));
      process.stdout.write(
        `Redis restart under load (${layer}): ${missingDeliveries} deliveries missing from before both were up ` +
          `(${lostWhole} messages lost for every member); counted ${JSON.stringify(counted)}; ` +
          `restart reported by ${restartLines.filter((n) => n === 1).length} of ${servers.length} processes\n`,
      );
      expect(restartLines).toEqual(servers.map(() => 1));
      expect(lostTooEarly).toEqual([]);
      // Not asserted: that every message lost for a whole room was counted. One that Redis took
      // and lost with its memory (queued for both processes, or a PUBLISH still in the
      // subscribers' output buffers) is lost for every member and cannot be counted: about one
      // run in four lost 2 to 16 such messages with fewer or no layer-down drops. The restart
      // line above says so in words; the counted drops are printed.
    }, 30_000);
  });
});
