import { AcceptConnection, DenyConnection, StopConsumer } from "../errors";
import type {
  WebsocketAcceptEvent,
  WebsocketCloseEvent,
  WebsocketConnectEvent,
  WebsocketDisconnectEvent,
  WebsocketReceiveEvent,
} from "../events";
import type { Headers, Send, WebsocketScope } from "../types";
import { BaseConsumer } from "./base-consumer";
import { DEFAULT_GROUP_CLOSE_CODE, isCloseReason, isGroupCloseCode, type GroupCloseMessage } from "./close-group";
import { reserveFrameworkNames } from "./handler-name";
import type { AnyMessages, MessageMap } from "./typed-messages";
import { authenticatedUserId, userGroupName } from "./user-group";

/**
 * Channels' (Async)WebsocketConsumer. Override `connect`, `receive` and `disconnect`; or, as the
 * original tutorial does, the low-level `websocket_connect` / `websocket_receive` /
 * `websocket_disconnect` handlers (throwing `StopConsumer` to end).
 */
export class WebsocketConsumer<M extends MessageMap = AnyMessages> extends BaseConsumer<M, WebsocketScope> {
  /** Groups joined before `connect()` and left after `disconnect()`. */
  groups: string[] = [];
  /**
   * Default true: when `scope.user` is an authenticated user (see `AuthMiddleware`), the socket
   * joins `userGroupName(user.id)` with `groups`, so `closeGroup(layer, userGroupName(id))` (or any
   * group send) reaches every socket of that user. Set false to keep out of it.
   */
  joinUserGroup = true;
  /** The user's group this socket joined, if any (left on disconnect with `groups`). */
  #userGroup: string | undefined = undefined;

  async websocket_connect(_event: WebsocketConnectEvent): Promise<void> {
    for (const group of this.groups) await this.groupAdd(group);
    if (this.joinUserGroup && this.channelLayer !== undefined) {
      const id = authenticatedUserId(this.scope["user"]);
      if (id !== undefined) {
        const group = userGroupName(id);
        await this.groupAdd(group);
        this.#userGroup = group;
      }
    }
    try {
      await this.connect();
    } catch (error) {
      if (error instanceof AcceptConnection) await this.accept();
      else if (error instanceof DenyConnection) await this.close();
      else throw error;
    }
  }

  /** Called on the handshake; accepts by default. Close (or throw DenyConnection) to refuse: HTTP 403. */
  async connect(): Promise<void> {
    await this.accept();
  }

  /** Completes the handshake, optionally choosing one of `scope.subprotocols` and adding headers. */
  accept(subprotocol: string | null = null, headers?: Headers): Promise<void> {
    // Not `async`, as send(): the server's own promise is returned (DONE once it is written).
    const event: WebsocketAcceptEvent = { type: "websocket.accept", subprotocol };
    if (headers !== undefined) event.headers = headers;
    return sendEvent(this.baseSend, event);
  }

  async websocket_receive(event: WebsocketReceiveEvent): Promise<void> {
    // Checked at run time too: a layer message can carry this type with any keys.
    if (typeof event.text === "string") await this.receive(event.text, undefined);
    else await this.receive(undefined, event.bytes instanceof Uint8Array ? event.bytes : undefined);
  }

  /** One frame from the client: `text` for a text frame, `bytes` for a binary one. */
  async receive(_text?: string, _bytes?: Uint8Array): Promise<void> {}

  /** Sends a text (string) or binary (Uint8Array) frame; `close` true or a code closes after it. */
  send(data: string | Uint8Array, close: boolean | number = false): Promise<void> {
    // Not `async`: on the hot path the server's own promise is returned as it is.
    const sent = this.baseSend(
      typeof data === "string" ? { type: "websocket.send", text: data } : { type: "websocket.send", bytes: data },
    );
    return close === false ? sent : sent.then(() => this.close(close === true ? undefined : close));
  }

  /** Closes the socket; before `accept()` this refuses the handshake (HTTP 403). */
  close(code?: number, reason?: string): Promise<void> {
    const event: WebsocketCloseEvent = { type: "websocket.close" };
    if (code !== undefined) event.code = code;
    if (reason !== undefined) event.reason = reason;
    return sendEvent(this.baseSend, event);
  }

  async websocket_disconnect(event: WebsocketDisconnectEvent): Promise<void> {
    if (this.channelLayer !== undefined) {
      for (const group of this.groups) await this.groupDiscard(group);
      if (this.#userGroup !== undefined) await this.groupDiscard(this.#userGroup);
    }
    await this.disconnect(typeof event.code === "number" ? event.code : 1005);
    throw new StopConsumer();
  }

  /** Called once the socket is closed, with its close code. */
  async disconnect(_code: number): Promise<void> {}

  /**
   * `closeGroup()` reached this socket: closes it with the message's code and reason (1000 and ""
   * where the message has none, or ones a close frame cannot carry, as a message from another
   * program may), after which `disconnect` runs once as for any close. Override it to send a last
   * frame first, then call `super.group_close(message)`.
   */
  group_close(message: GroupCloseMessage): Promise<void> {
    const code = isGroupCloseCode(message.code) ? message.code : DEFAULT_GROUP_CLOSE_CODE;
    return this.close(code, isCloseReason(message.reason) ? message.reason : "");
  }
}

/** `send(event)`, a synchronous throw (a test double's send, say) made a rejection as `async` would. */
function sendEvent(send: Send, event: WebsocketAcceptEvent | WebsocketCloseEvent): Promise<void> {
  try {
    return send(event);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

reserveFrameworkNames(WebsocketConsumer.prototype, [
  "websocket_connect",
  "websocket_receive",
  "websocket_disconnect",
  "group_close",
]);
