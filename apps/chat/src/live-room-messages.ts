/**
 * What the live page and its consumer say to each other: one map for both ends (the page's
 * ChannelsClient is typed by the same shapes).
 */
export interface LiveRoomMessages {
  /** A line of the room, from the live page (`user`) or the tutorial's page (no `user`). */
  "chat.message": { text: string; user?: string };
}

export interface LiveRoomRequests {
  /** Say `text` in the room; the reply says it went to the room's group. */
  "chat.say": { payload: { text: string }; reply: { sent: true } };
}

/** Presence meta of one live page. */
export interface LiveMember {
  name: string;
}
