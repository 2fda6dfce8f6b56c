import {
  JsonWebsocketConsumer,
  countPresence,
  listPresence,
  type ChannelLayer,
  type PresenceDiffMessage,
  type PresenceStateMessage,
} from "@channels-ts/core";

// #region consumer
/** A chat room that shows who is in it: /ws/room/<name>/?user=<id>. */
export class RoomConsumer extends JsonWebsocketConsumer {
  get room(): string {
    return `room.${String(this.scope.url_route?.kwargs.room)}`;
  }

  get user(): string {
    return new URLSearchParams(this.scope.query_string).get("user") ?? "anonymous";
  }

  override async connect(): Promise<void> {
    // Members of the group get its presence.diff messages: join it before tracking.
    await this.groupAdd(this.room);
    await this.accept();
    // Appear under the user's id; `state: true` sends this consumer the whole list first.
    await this.presence.track(this.room, this.user, { onlineAt: Date.now() }, { state: true });
  }

  override async receiveJson(content: unknown): Promise<void> {
    const { status } = content as { status: string };
    await this.presence.update(this.room, this.user, { onlineAt: Date.now(), status });
  }

  // Both are ignored unless a consumer defines them: here they go to the browser as they are.
  override presence_state(message: PresenceStateMessage): Promise<void> {
    return this.sendJson(message);
  }

  override presence_diff(message: PresenceDiffMessage): Promise<void> {
    return this.sendJson(message);
  }

  // Nothing to untrack in disconnect(): a consumer that ends takes its presences with it.
}
// #endregion consumer

// #region anywhere
/** From an HTTP view, a worker or another process: who is in the room, and how many. */
export async function whoIsIn(layer: ChannelLayer, room: string): Promise<{ users: string[]; sockets: number }> {
  const presences = await listPresence(layer, `room.${room}`);
  return { users: Object.keys(presences), sockets: await countPresence(layer, `room.${room}`) };
}
// #endregion anywhere
