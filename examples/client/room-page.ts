// What a page built on the client does with streams and presence; run by
// examples/test/client-room-page.test.ts against a server speaking the contracts.
import type { ChannelsClient } from "@channels-ts/client";

// #region room
interface UserMeta {
  name: string;
}

/** Keeps `render` up to date with who is in `room`, and sends chat on the "chat" stream. */
export function watchRoom(client: ChannelsClient, room: string, render: (names: string[]) => void) {
  const chat = client.stream<{ "chat.message": { text: string } }>("chat");
  const presence = chat.presence<UserMeta>(room);
  presence.onSync(() => render(presence.list((_key, metas) => metas[0]?.name ?? "?")));
  presence.onJoin((key, before) => before === undefined && console.log(`${key} joined`));
  presence.onLeave((key, after) => after.metas.length === 0 && console.log(`${key} left`));
  chat.onEvent("closed", ({ code, reason }) => console.log(`chat closed: ${code} ${reason}`));
  return (text: string) => chat.send("chat.message", { text }); // false: mark it as not sent
}
// #endregion room

// #region unsent
/** Shows each message at once, and marks the ones the client reports as not sent. */
export function markUnsent(client: ChannelsClient, mark: (text: string, why: string) => void) {
  client.onEvent("dropped", ({ message, reason }) => {
    const text = (message as { text?: unknown }).text;
    if (typeof text === "string") mark(text, reason === "queue_full" ? "offline too long" : "not connected");
  });
  client.onEvent("reconnecting", ({ delayMs }) => console.log(`offline: trying again in ${delayMs} ms`));
  client.onEvent("reconnected", () => console.log("back online; queued messages sent"));
}
// #endregion unsent
