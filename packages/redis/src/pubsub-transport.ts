import type { HostDownEvent, HostEvent, HostRestartedEvent } from "./host-status";
import type { RedisHostUnavailable } from "./redis-host-unavailable";

/**
 * The seam between `RedisPubSubChannelLayer` and the bus it runs on, in the spirit of
 * socket.io-adapter's `ClusterAdapter`: a backend implements how to publish and how to listen,
 * and the layer does everything else (names, validation, groups and their members, local
 * mailboxes and capacity, decoding, drop accounting, events, close). The layer hands the
 * transport channels_redis's names as they are: a channel name, or a group's Pub/Sub channel
 * `<prefix>__group__<group>`; payloads are the bytes to put on the wire, opaque to the transport.
 *
 * Built-in: the ioredis backend for one Redis, several sharded hosts or Sentinel
 * (`RedisPubSubTransport`). A test uses the in-process `FakePubSubBus` (src/testing).
 */
export interface PubSubTransport {
  /**
   * Put `payload` on `name`. Publishes must reach the bus in call order (one connection per
   * destination does it), because the layer does not wait for one before making the next. Settles
   * with the bus's acknowledgement; rejects when the bus refused it or the connection dropped under
   * it (the layer counts that message as dropped, "layer down"). While not `settled`, it waits until
   * the transport is up again and this process's subscriptions are back, then publishes.
   */
  publish(name: string, payload: Buffer): Promise<unknown>;
  /** Deliver what is published on `name` to `listener.message` (idempotent; a group channel, or a channel named by a receive). */
  subscribe(name: string): Promise<void>;
  /** True from `subscribe(name)` until `unsubscribe(name)` (also while the subscription is still being made). */
  subscribed(name: string): boolean;
  unsubscribe(name: string): Promise<void>;
  /** `unsubscribe` every name `subscribe` added (a flush); this process's own channels stay listened to. */
  unsubscribeAll(): Promise<void>;
  /**
   * Deliver what is published on `channel`, one of this process's own channels (its name contains
   * `PubSubTransportContext.ownMarker`). A backend with pattern subscriptions listens to all of
   * them at once (Redis: one PSUBSCRIBE of `*<ownMarker>*` per host, on every host because Python
   * publishes a direct send on the host of the full channel name); one without them subscribes
   * per channel (Redis Cluster's sharded pub/sub). Idempotent.
   */
  listenOwn(channel: string): Promise<void>;
  /** True once `listenOwn(channel)` has taken effect: a receive then asks the bus nothing. */
  listeningOwn(channel: string): boolean;
  /** `channel` was discarded: a per-channel backend stops listening to it (a pattern backend does nothing). */
  unlistenOwn(channel: string): Promise<void>;
  /** False while connecting, or reconnecting until every subscription is back: publishes are then awaited. */
  readonly settled: boolean;
  /** Set while operations must fail at once: the bus has not been reached since start, or has been down for longer than `operationTimeoutMs`. */
  readonly unavailable: RedisHostUnavailable | undefined;
  /** Connect now: resolves once up, rejects with `RedisHostUnavailable` when the bus cannot be reached (and keeps retrying). */
  connect(): Promise<void>;
  /** End every connection; nothing is called on the listener afterwards. */
  close(): void;
  /** One round trip to the bus (a PING on every host), for the layer's `ping()`; optional. */
  ping?(): Promise<unknown>;
}

/** What a transport tells its layer. */
export interface PubSubTransportListener {
  /** `payload` was published on `name` (a channel or a group channel this process listens to). */
  message(name: string, payload: Buffer): void;
  /** A connection dropped, or its first attempt failed: messages published meanwhile are lost. */
  down(event: HostDownEvent): void;
  /** The connection is back and every subscription and `listenOwn` is in place again. */
  up(event: HostEvent): void;
  /** The host came back as another Redis process (it restarted): messages published while it was gone are lost, uncounted. */
  restarted?(event: HostRestartedEvent): void;
  /** Down for `operationTimeoutMs` (or never reached): operations waiting on the transport fail with `error`. */
  unavailable(error: RedisHostUnavailable): void;
  /** Work the transport does on its own failed (restoring subscriptions after a reconnect); it retries. */
  backgroundError(source: "restore", error: Error): void;
}

/** What the layer gives the factory of its transport. */
export interface PubSubTransportContext {
  /** `.<clientPrefix>!`: contained in the name of every channel this process's `newChannel()` makes, and no other. */
  ownMarker: string;
  listener: PubSubTransportListener;
}

/** Makes the transport of one `RedisPubSubChannelLayer` (the layer's `transport` option). */
export type PubSubTransportFactory = (context: PubSubTransportContext) => PubSubTransport;
