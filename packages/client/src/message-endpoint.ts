import { HandlerError } from "./errors.js";
import { Inbox } from "./inbox.js";
import type { Link } from "./link.js";
import { Listeners } from "./listeners.js";
import type { MessageMap, MessageOf, PayloadArgs, RequestMap, RequestPayload, RequestReply } from "./message-maps.js";
import type { Presence } from "./presence.js";

/** Options of one `request()`. */
export interface RequestOptions {
  /** Reject with `ReplyTimeout` after this long. Default the client's `requestTimeoutMs` (5000). */
  timeoutMs?: number;
}

/**
 * What the client and each of its streams share: typed `send`, `on`, `request` and presence lists.
 * `Receive` types what `on` hears, `Send` what `send` takes, `Requests` what `request` asks.
 */
export abstract class MessageEndpoint<
  Receive extends MessageMap,
  Send extends MessageMap,
  Requests extends RequestMap,
  Events extends object,
> {
  /** Incoming messages of this endpoint; the client routes frames to it. */
  protected readonly inbox: Inbox;
  protected readonly events: Listeners<Events>;

  protected constructor(
    protected readonly link: Link,
    /** The stream this endpoint speaks on, or undefined for the socket itself. */
    protected readonly streamName: string | undefined,
  ) {
    this.inbox = new Inbox((error) => link.reportError(error));
    this.events = new Listeners((name, error) => link.reportError(handlerError(name, error)));
  }

  /**
   * Sends `{ type, ...payload }` (inside a stream's envelope on a stream). Returns false when it is
   * dropped (see the `dropped` event); while offline it is queued and sent on reconnect.
   */
  send<K extends keyof Send & string>(type: K, ...[payload]: PayloadArgs<Send[K]>): boolean {
    return this.sendJson(Object.assign({ type }, payload, { type }));
  }

  /** Sends any JSON value as one frame (a stream wraps it). Same queueing and result as `send`. */
  sendJson(value: unknown): boolean {
    const stream = this.streamName;
    const text = JSON.stringify(stream === undefined ? value : { stream, payload: value });
    return this.link.transmit({ text, message: value, stream, requestId: undefined });
  }

  /**
   * Sends `{ requestId, type, ...payload }` and settles with the reply's payload; rejects with
   * `ReplyError` (the server's code and message), `ReplyTimeout`, `Disconnected` (the socket closed
   * after it went out), `StreamClosed`, `QueueFull` or `ClientClosed`.
   */
  request<K extends keyof Requests & string>(
    type: K,
    ...[payload, options]: PayloadArgs<RequestPayload<Requests, K>, [options?: RequestOptions]>
  ): Promise<RequestReply<Requests, K>> {
    const message = Object.assign({ type }, payload, { type });
    return this.link.request(type, message, this.streamName, options?.timeoutMs) as Promise<RequestReply<Requests, K>>;
  }

  /** Calls `handler` with each message of this `type`. Returns a function that removes it. */
  on<K extends keyof Receive & string>(type: K, handler: (message: { type: K } & Receive[K]) => void): () => void {
    return this.inbox.on(type, handler);
  }

  /** Calls `handler` with every decoded message (replies excepted), typed or not. */
  onMessage(handler: (message: MessageOf<Receive> | unknown) => void): () => void {
    return this.inbox.onMessage(handler);
  }

  /** Calls `handler` on each `event`. Returns a function that removes it. */
  onEvent<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): () => void {
    return this.events.add(event, handler);
  }

  /** The next `event`, as a promise (e.g. `await client.once("open")`). */
  once<E extends keyof Events>(event: E): Promise<Events[E]> {
    return new Promise((resolve) => {
      const off = this.events.add(event, (payload) => {
        off();
        resolve(payload);
      });
    });
  }

  /**
   * The presence list of `group`, kept from the `presence.state` and `presence.diff` messages this
   * endpoint receives. One object per group: calling again returns the same one.
   */
  presence<Meta extends object = { [key: string]: unknown }>(group: string): Presence<Meta> {
    return this.inbox.presence<Meta>(group);
  }
}

function handlerError(name: string, error: unknown): Error {
  return new HandlerError(`the ${JSON.stringify(name)} event`, error);
}
