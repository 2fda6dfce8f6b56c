import { TextClient } from "@channels-ts/test-fixtures";

/** The prefix of the messages `joinRoom` sends; `chatMessages` leaves them out. */
export const JOIN_PREFIX = "joined:";

/**
 * A client on `/room/<room>/`, once the server has put it in the group. The chat joins the group
 * after accepting, so `open` alone does not prove membership; but a consumer handles its messages
 * in order, so this client's own message coming back does.
 */
export async function joinRoom(port: number, room: string, label: string, timeoutMs = 10_000): Promise<TextClient> {
  const client = await TextClient.open(`ws://127.0.0.1:${port}/room/${room}/`, { label, timeoutMs });
  const marker = `${JOIN_PREFIX}${label}`;
  client.send(marker);
  await client.until(`its own "${marker}"`, (received) => received.includes(marker), timeoutMs);
  return client;
}

/** The messages `client` received that are not join markers. */
export function chatMessages(client: TextClient): string[] {
  return client.received.filter((text) => !text.startsWith(JOIN_PREFIX));
}

/**
 * Every client of `room` sends its `messagesOf(client)`, and the last client of `other` (another
 * room) sends `otherText`; resolves with the room's messages once each member has them all and a
 * last "fence" from `room[0]`: anything delivered twice would have come before the fence.
 */
export async function talkInRooms(
  room: TextClient[],
  other: TextClient[],
  messagesOf: (client: TextClient) => string[],
  otherText: string,
): Promise<string[]> {
  const expected = room.flatMap((client) => {
    const texts = messagesOf(client);
    for (const text of texts) client.send(text);
    return texts;
  });
  const all = (received: readonly string[]): boolean => expected.every((text) => received.includes(text));
  await Promise.all(room.map((client) => client.until(`all ${expected.length} messages`, all)));
  other.at(-1)?.send(otherText);
  await Promise.all(other.map((client) => client.next(otherText)));
  room[0]?.send("fence");
  await Promise.all(room.map((client) => client.next("fence")));
  return expected;
}
