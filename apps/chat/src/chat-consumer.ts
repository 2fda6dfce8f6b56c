import {
  DONE,
  StopConsumer,
  WebsocketConsumer,
  type WebsocketConnectEvent,
  type WebsocketDisconnectEvent,
  type WebsocketReceiveEvent,
} from "@channels-ts/core";
import { validateGroupName } from "@channels-ts/core/layer-kit";

/** The group message of the tutorial: the client's frame, whole. A foreign peer may send anything. */
type XxOo = { type: "xx_oo"; message?: Partial<WebsocketReceiveEvent> };

/**
 * The group chat consumer of the original Channels tutorial, kept faithful so that it can share
 * rooms with the tutorial's Django app on one Redis: same group name (the URL's `group`), same
 * group message shape, same handler.
 *
 * Where the original misbehaves, this one does better:
 * - a binary frame is relayed as bytes (the original's handler reads `message.text` and fails
 *   with 1011 for every member of the room);
 * - a room name the channel layer cannot take is refused at the handshake (the original accepts,
 *   then fails with 1011).
 */
export class ChatConsumer extends WebsocketConsumer {
  /** The room: the URL's `group`, read once at the handshake. */
  private group = "";

  // Joins, then accepts, as the tutorial does: a socket that is open is in its room, so what a
  // client sends as soon as it is open reaches it too. (Accepting first saved a promise, but on
  // Redis the membership could then land after a group send that followed the open.)
  override websocket_connect(_event: WebsocketConnectEvent): Promise<void> {
    this.group = String(this.scope.url_route?.kwargs.group ?? "");
    try {
      validateGroupName(this.group);
    } catch {
      return this.close(); // before accept: the handshake is refused (HTTP 403)
    }
    return this.channelLayer!.groupAdd(this.group, this.channelName!).then(() => this.acceptJoined());
  }

  // A method, not an arrow property: an idle connection keeps no closure of its own.
  private acceptJoined(): Promise<void> | undefined {
    const accepted = this.accept();
    return accepted === DONE ? undefined : accepted;
  }

  // The two per-message handlers are not `async`: each returns the promise of its one call (the
  // layer's, the server's), so a message costs no promise of its own, and when that call is done
  // already (DONE) the consumer goes on to its next message at once.
  override websocket_receive(event: WebsocketReceiveEvent): Promise<void> {
    // The type is "xx_oo", not a dotted name, because the tutorial's Django consumer sends and
    // handles exactly that: Python and TypeScript members of one room must understand each other.
    // The client frame travels whole, as the tutorial does: `{ type: "websocket.receive", text }`
    // (or `bytes` for a binary frame).
    const frame: WebsocketReceiveEvent =
      typeof event.text === "string"
        ? { type: "websocket.receive", text: event.text }
        : { type: "websocket.receive", bytes: event.bytes };
    return this.channelLayer!.groupSend(this.group, { type: "xx_oo", message: frame });
  }

  xx_oo(event: XxOo): Promise<void> {
    const frame = event.message;
    if (frame !== undefined && typeof frame.text === "string") return this.send(frame.text);
    if (frame !== undefined && frame.bytes instanceof Uint8Array) return this.send(frame.bytes);
    // Anything else (a foreign peer's malformed message) is ignored rather than closing this socket.
    return DONE;
  }

  override async websocket_disconnect(_event: WebsocketDisconnectEvent): Promise<void> {
    if (this.channelName !== undefined && this.channelLayer !== undefined) {
      await this.channelLayer.groupDiscard(this.group, this.channelName).catch(() => undefined);
    }
    throw new StopConsumer();
  }
}
