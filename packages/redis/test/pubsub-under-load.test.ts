import { randomUUID } from "node:crypto";
import type { Message } from "@channels-ts/core";
import { RedisPubSubChannelLayer, type DroppedEvent } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

const END = "test.end";

/**
 * Receives on `channel` until one END from each of `ends` senders. A group send resolves once
 * its PUBLISH is written, not answered, so one process's END could overtake the other's
 * messages; but each process's PUBLISHes reach Redis in order on its one connection, so an END
 * from every sender comes after everything that sender published, and a missing or extra
 * message shows in the list, not as a timeout.
 */
async function receiveUntilEnds(layer: RedisPubSubChannelLayer, channel: string, ends: number): Promise<Message[]> {
  const got: Message[] = [];
  for (let seen = 0; seen < ends;) {
    const message = await layer.receive(channel);
    if (message.type === END) seen++;
    else got.push(message);
  }
  return got;
}

function recordDrops(...layers: RedisPubSubChannelLayer[]): DroppedEvent[] {
  const drops: DroppedEvent[] = [];
  for (const layer of layers) layer.on("dropped", (event) => drops.push(event));
  return drops;
}

function sortMessages(messages: Message[]): string[] {
  return messages.map((message) => JSON.stringify(message)).sort();
}

describeWithRedis("RedisPubSubChannelLayer under load, at the default capacity", () => {
  const redis = useRedisServer();
  const quiet = { warn: (): void => undefined };

  it("delivers a burst of 600 group sends over two processes: each member exactly its group's 15, no drop", async () => {
    // Two layers on one Redis, each with its own subscriber connection: two chat processes.
    await using a = closing(new RedisPubSubChannelLayer({ hosts: [redis.url], logger: quiet }));
    await using b = closing(new RedisPubSubChannelLayer({ hosts: [redis.url], logger: quiet }));
    const drops = recordDrops(a, b);
    const run = randomUUID().slice(0, 8);
    const members: Array<{ layer: RedisPubSubChannelLayer; group: string; channel: string; index: number }> = [];
    for (let g = 0; g < 40; g++) {
      for (let m = 0; m < 3; m++) {
        const layer = (g * 3 + m) % 2 === 0 ? a : b; // every group spread over both processes
        const channel = await layer.newChannel();
        const group = `burst.${run}.${g}`;
        await layer.groupAdd(group, channel); // resolves once this process is subscribed to the group
        members.push({ layer, group, channel, index: m });
      }
    }
    const received = members.map((member) => receiveUntilEnds(member.layer, member.channel, 2));
    // Every member sends 5 messages to its group at once, from its own process.
    await Promise.all(
      members.flatMap((member) =>
        [0, 1, 2, 3, 4].map((n) =>
          member.layer.groupSend(member.group, { type: "chat", from: `${member.group}/${member.index}`, n }),
        ),
      ),
    );
    const groups = [...new Set(members.map((member) => member.group))];
    await Promise.all(
      groups.flatMap((group) => [a.groupSend(group, { type: END }), b.groupSend(group, { type: END })]),
    );
    const results = await Promise.all(received);
    expect(drops).toEqual([]);
    expect(a.droppedCounts).toEqual({ "channel full": 0, undecodable: 0, "layer down": 0 });
    expect(b.droppedCounts).toEqual({ "channel full": 0, undecodable: 0, "layer down": 0 });
    members.forEach((member, i) => {
      const expected = [0, 1, 2].flatMap((index) =>
        [0, 1, 2, 3, 4].map((n) => ({ type: "chat", from: `${member.group}/${index}`, n })),
      );
      expect(sortMessages(results[i] as Message[])).toEqual(sortMessages(expected));
    });
  });
});
