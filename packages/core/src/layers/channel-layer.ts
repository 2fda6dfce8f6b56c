import type { Message } from "../types";

/**
 * The channel layer contract (Channels' channel_layer_spec, plus what channels-ts adds).
 * Every implementation (in-memory, Redis, Redis pub/sub) runs `runChannelLayerContract`.
 *
 * - Delivery is at-most-once: a message is received by at most one `receive()`; it may be
 *   lost (expiry, capacity, a crashed process) but is never duplicated by the layer.
 * - Per channel, messages are received in the order they were sent (from one sender).
 * - `send()` to a channel holding `capacity` messages throws `ChannelFull`.
 * - `groupSend()` never throws because a member is full or gone: full members are skipped.
 * - Messages not received within `expiry` seconds are dropped.
 * - A group membership lasts `groupExpiry` seconds after the last `groupAdd` of that member.
 * - Names are validated: channels and groups are ASCII letters, digits, `-`, `_`, `.`, under 100
 *   characters; a specific (process-local) channel has one `!`. Bad names are a `TypeError`.
 * - Messages are plain objects with a string `type` whose values a msgpack encoder can carry;
 *   anything else is a `TypeError` naming the bad key. Checked once per call, not per member.
 * - A received message may be shared by every member of a group (no copy per member): treat it
 *   as read-only. The in-memory layer hands out one frozen copy per call, so a change throws.
 */
export interface ChannelLayer {
  /** Optional capabilities, as in Channels: "groups", "flush". */
  readonly extensions: readonly string[];

  /** A new process-specific channel name, `${prefix}.<unique>!<unique>` (prefix "specific"). */
  newChannel(prefix?: string): Promise<string>;

  /** Queue `message` on `channel`. Throws `ChannelFull` when the channel is at capacity. */
  send(channel: string, message: Message): Promise<void>;

  /**
   * The next message on `channel`, waiting until one arrives. Rejects with an `AbortError`
   * (the signal's reason) when `signal` aborts, and when the channel is discarded or the layer closed.
   */
  receive(channel: string, options?: ReceiveOptions): Promise<Message>;

  /**
   * Optional fast path: the next message already queued on `channel`, or undefined, without
   * waiting and without a promise. Consumers use it, when present, to drain a backlog cheaply;
   * a layer that cannot answer synchronously leaves it out.
   */
  receiveNowait?(channel: string): Message | undefined;

  /**
   * Optional fast path: the next message on `channel` goes to `receiver` without a promise per
   * message. Exactly one of its methods is called, once: `onLayerMessage` with the next message,
   * or `onLayerError` when the channel is discarded or the layer closed. It may be called
   * synchronously from inside the `send` or `groupSend` that delivers the message, so a receiver
   * only records the message and schedules its work; it never runs a handler there (that would
   * reorder what the sender's other recipients see), and never throws. Consumers use it, when present, to wait
   * on an empty channel; a layer that cannot hand messages over directly leaves it out.
   */
  receiveInto?(channel: string, receiver: LayerReceiver): void;

  /** Add `channel` to `group` (refreshing its membership if already there). */
  groupAdd(group: string, channel: string): Promise<void>;

  /** Remove `channel` from `group`; a no-op when it is not a member. */
  groupDiscard(group: string, channel: string): Promise<void>;

  /** Send `message` to every member of `group`. Never throws for full or missing members. */
  groupSend(group: string, message: Message): Promise<void>;

  /**
   * Forget `channel` at once: its queued messages, pending receives and every group membership
   * this layer made for it. Consumers call it when they end, so a gone consumer leaves no trace.
   */
  discardChannel(channel: string): Promise<void>;

  /** Remove every channel, message and group this layer can see (tests, resets). */
  flush(): Promise<void>;

  /** Release connections and timers; pending receives reject. The layer is unusable afterwards. */
  close(): Promise<void>;

  /**
   * Optional: what the layer holds in this process and whether its backing store is reachable,
   * for metrics and readiness. Cheap and synchronous (no I/O): a scrape or a `/readyz` may call it.
   */
  stats?(): LayerStats;

  /**
   * Optional: one round trip to the layer's backing store (a Redis PING), resolving with the
   * seconds it took; rejects when it cannot be reached. Metrics call it on scrape, never per message.
   */
  ping?(): Promise<number>;
}

/** A layer's `stats()`: counts held in this process, and the state of what it depends on. */
export interface LayerStats {
  /** Channels with local state (queued messages, waiting receivers or memberships). */
  channels: number;
  /** Groups this process holds memberships of. */
  groups: number;
  /** False while the backing store is unreachable (a Redis host down); the in-memory layer is always up. */
  up: boolean;
}

/** What `receiveInto` hands a message to: one object per consumer, reused for every wait. */
export interface LayerReceiver {
  onLayerMessage(message: Message): void;
  onLayerError(error: unknown): void;
}

export interface ReceiveOptions {
  signal?: AbortSignal;
}

/** Options every layer shares, in seconds as in Channels. */
export interface ChannelLayerOptions {
  /** Seconds a message may wait in a channel before it is dropped. Default 60. */
  expiry?: number;
  /** Seconds a group membership lasts after its last `groupAdd`. Default 86400. */
  groupExpiry?: number;
  /** Messages a channel holds before `send` throws `ChannelFull`. Default 100. */
  capacity?: number;
  /**
   * Per-channel capacities: ordered `[pattern, capacity]` pairs; the pattern is a glob string
   * (`*`, `?`, `[...]`) or a RegExp matched against the full channel name; first match wins.
   */
  channelCapacity?: ReadonlyArray<readonly [string | RegExp, number]>;
}
