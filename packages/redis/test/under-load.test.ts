import { randomUUID } from "node:crypto";
import type { Message } from "@channels-ts/core";
import { RedisChannelLayer, type DroppedEvent } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

const END = "test.end";

/**
 * Receives on `channel` until a message of type END: the end marker is sent after every other
 * message has been accepted, with a later score, so it comes out of the queue last and a lost
 * message shows as a missing entry, not as a timeout.
 */
async function receiveUntilEnd(layer: RedisChannelLayer, channel: string): Promise<Message[]> {
  const got: Message[] = [];
  for (;;) {
    const message = await layer.receive(channel);
    if (message.type === END) return got;
    got.push(message);
  }
}

function recordDrops(...layers: RedisChannelLayer[]): DroppedEvent[] {
  const drops: DroppedEvent[] = [];
  for (const layer of layers) layer.on("dropped", (event) => drops.push(event));
  return drops;
}

describeWithRedis("RedisChannelLayer under load, at the default capacity", () => {
  const redis = useRedisServer();
  const quiet = { warn: (): void => undefined };

  it.each([
    ["in one script call, awaiting each reply", { pipelineGroupSends: false }],
    ["on the per-host path (encrypted)", { symmetricEncryptionKeys: ["burst key"] }],
    ["with pipelined group sends (the default)", {}],
  ])(
    "delivers a burst of 600 group sends over two processes, %s: each member exactly its group's 15",
    async (_, extra) => {
      // Two layers on one Redis, with their own client prefixes: two chat processes.
      await using a = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet, ...extra }));
      await using b = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet, ...extra }));
      const drops = recordDrops(a, b);
      const run = randomUUID().slice(0, 8);
      const members: Array<{ layer: RedisChannelLayer; group: string; channel: string; index: number }> = [];
      for (let g = 0; g < 40; g++) {
        for (let m = 0; m < 3; m++) {
          const layer = (g * 3 + m) % 2 === 0 ? a : b; // every group spread over both processes
          const channel = await layer.newChannel();
          const group = `burst.${run}.${g}`;
          await layer.groupAdd(group, channel);
          members.push({ layer, group, channel, index: m });
        }
      }
      const received = members.map((member) => receiveUntilEnd(member.layer, member.channel));
      // Every member sends 5 messages to its group at once, from its own process.
      await Promise.all(
        members.flatMap((member) =>
          [0, 1, 2, 3, 4].map((n) =>
            member.layer.groupSend(member.group, { type: "chat", from: `${member.group}/${member.index}`, n }),
          ),
        ),
      );
      await Promise.all([...new Set(members.map((m) => m.group))].map((group) => a.groupSend(group, { type: END })));
      const results = await Promise.all(received);
      expect(drops).toEqual([]);
      members.forEach((member, i) => {
        const expected = [0, 1, 2].flatMap((index) =>
          [0, 1, 2, 3, 4].map((n) => ({ type: "chat", from: `${member.group}/${index}`, n })),
        );
        expect(sortMessages(results[i] as Message[])).toEqual(sortMessages(expected));
      });
    },
  );

  it("delivers a backlog of 1,000 sends to one process's channels completely, in order, while its consumers read", async () => {
    await using sender = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet }));
    await using receiver = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet }));
    const drops = recordDrops(sender, receiver);
    const channels = await Promise.all(Array.from({ length: 10 }, () => receiver.newChannel()));
    const received = channels.map((channel) => receiveUntilEnd(receiver, channel));
    // 100 per channel, all written at once: the process queue gets 1,000 messages in one burst.
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) => sender.send(channels[i % 10] as string, { type: "item", i })),
    );
    await Promise.all(channels.map((channel) => sender.send(channel, { type: END })));
    const results = await Promise.all(received);
    results.forEach((messages, c) => {
      expect(messages.map((message) => message.i)).toEqual(Array.from({ length: 100 }, (_, k) => k * 10 + c));
    });
    expect(drops).toEqual([]);
    expect(Object.values(receiver.droppedCounts).every((count) => count === 0)).toBe(true);
  });

  it("with pipelined group sends (the default), keeps a process's group sends and sends in the order they were made", async () => {
    await using layer = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet }));
    const drops = recordDrops(layer);
    const channel = await layer.newChannel();
    const group = `ordered.${randomUUID().slice(0, 8)}`;
    await layer.groupAdd(group, channel);
    const received = receiveUntilEnd(layer, channel);
    for (let i = 0; i < 50; i++) {
      await layer.groupSend(group, { type: "m", i: 2 * i });
      await layer.send(channel, { type: "m", i: 2 * i + 1 });
    }
    await layer.send(channel, { type: END });
    expect((await received).map((message) => message.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(drops).toEqual([]);
  });

  it.each([
    ["encrypted", { symmetricEncryptionKeys: ["order key"] }],
    ["with channelCapacity patterns", { channelCapacity: [["specific.*", 100]] as Array<[string, number]> }],
  ])(
    "%s, a group send reads its members before it writes: it is not pipelined, so a later send cannot overtake it",
    async (_, extra) => {
      await using layer = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet, ...extra }));
      const channel = await layer.newChannel();
      const group = `order.${randomUUID().slice(0, 8)}`;
      await layer.groupAdd(group, channel);
      for (let i = 0; i < 20; i++) {
        await layer.groupSend(group, { type: "m", i: 2 * i });
        await layer.send(channel, { type: "m", i: 2 * i + 1 });
      }
      const got: unknown[] = [];
      for (let i = 0; i < 40; i++) got.push((await layer.receive(channel)).i);
      expect(got).toEqual(Array.from({ length: 40 }, (_, i) => i));
    },
  );

  describe("a member that truly falls behind", () => {
    it.each([
      ["awaiting each reply", false],
      ["pipelined (the default)", true],
    ])(
      "is skipped by a group send while its messages wait in Redis (%s): counted and emitted as channel full",
      async (_, pipelineGroupSends) => {
        const warnings: string[] = [];
        await using layer = closing(
          new RedisChannelLayer({
            hosts: [redis.url],
            capacity: 2,
            pipelineGroupSends,
            logger: { warn: (line) => warnings.push(line) },
          }),
        );
        const drops = recordDrops(layer);
        const channel = await layer.newChannel(); // nobody receives: its messages stay in Redis
        const group = `behind.${randomUUID().slice(0, 8)}`;
        await layer.groupAdd(group, channel);
        // A pipelined group send reports its full member when Redis replies, after it resolved.
        const twoDrops = new Promise<void>((resolve) => {
          let seen = 0;
          layer.on("dropped", () => {
            if (++seen === 2) resolve();
          });
        });
        for (let i = 0; i < 4; i++) await layer.groupSend(group, { type: "m", i });
        await twoDrops;
        expect(drops).toEqual([
          { reason: "channel full", group, count: 1 },
          { reason: "channel full", group, count: 1 },
        ]);
        expect(layer.droppedCounts["channel full"]).toBe(2);
        // One line: the second drop fell within the warning interval and waits for the next line.
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain("channel full");
        expect(warnings[0]).toContain(group);
        expect(await layer.receive(channel)).toEqual({ type: "m", i: 0 });
        expect(await layer.receive(channel)).toEqual({ type: "m", i: 1 });
      },
    );

    it("overflows its local mailbox while the process reads others: the oldest is dropped, counted, emitted", async () => {
      await using sender = closing(new RedisChannelLayer({ hosts: [redis.url], logger: quiet }));
      await using receiver = closing(new RedisChannelLayer({ hosts: [redis.url], capacity: 2, logger: quiet }));
      const drops = recordDrops(sender, receiver);
      const [reading, stuck] = [await receiver.newChannel(), await receiver.newChannel()];
      const readingOne = receiver.receive(reading); // keeps the process queue popped
      for (let i = 0; i < 3; i++) await sender.send(stuck, { type: "m", i });
      await sender.send(reading, { type: "go" });
      // The queue is popped in score order: the stuck channel's three came off Redis first.
      await expect(readingOne).resolves.toEqual({ type: "go" });
      expect(drops).toEqual([{ reason: "channel full", channel: stuck, count: 1 }]);
      expect(receiver.droppedCounts["channel full"]).toBe(1);
      // A send from the process itself sees the full mailbox.
      await expect(receiver.send(stuck, { type: "more" })).rejects.toMatchObject({ name: "ChannelFull" });
      expect(await receiver.receive(stuck)).toEqual({ type: "m", i: 1 });
      expect(await receiver.receive(stuck)).toEqual({ type: "m", i: 2 });
    });
  });
});

function sortMessages(messages: Message[]): string[] {
  return messages.map((message) => JSON.stringify(message)).sort();
}
