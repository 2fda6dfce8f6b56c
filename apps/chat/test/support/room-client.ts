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
