import type { DropReason } from "@channels-ts/core";
import type { HostDownEvent, HostEvent, HostRestartedEvent } from "./host-status";

/** Data dropped off the wire: where it came from (Redis key or pub/sub channel) and why. */
export interface MalformedEvent {
  source: string;
  reason: string;
}

/**
 * Messages the layer did not deliver. `channel` names the channel (or, for an expired or
 * undecodable message, the Redis queue) and `group` the group of the group send that skipped
 * full members, or found expired messages in its members' queues; `count` is how many were
 * lost at once (for "channel full" on the per-host path, the queues skipped).
 */
export interface DroppedEvent {
  reason: DropReason;
  channel?: string;
  group?: string;
  count: number;
}

/**
 * An error in work the layer does on its own, which it retries: a receive loop, the membership
 * refresh, a pipelined group send, or putting its memberships and subscriptions back on a host
 * that came back (`restore`: the host is retried at its next reconnect).
 */
export interface BackgroundErrorEvent {
  source: "receive loop" | "membership refresh" | "group send" | "restore";
  /** The Redis key a receive loop pops. */
  key?: string;
  error: Error;
}

/**
 * Events both Redis layers emit (eventemitter3). `down` fires once when a host's connection
 * drops, or its first connection fails (`firstConnection`), with the error that says why; `up`
 * fires once it is back and the layer has restored its memberships and
 * subscriptions there, so an application can, for example, mark itself unhealthy in between.
 * `restarted` fires (and a warning is logged) when the host came back as another Redis process
 * (its run_id changed), before `up`: what that Redis held is lost, and not counted as drops.
 * `dropped` fires for every message not delivered, with its reason (also counted, and logged
 * at most once per reason per `warnIntervalMs`); `backgroundError` for every failed attempt of
 * a background loop (logged at the same pace).
 */
export interface LayerEvents {
  down: (event: HostDownEvent) => void;
  up: (event: HostEvent) => void;
  restarted: (event: HostRestartedEvent) => void;
  malformed: (event: MalformedEvent) => void;
  dropped: (event: DroppedEvent) => void;
  backgroundError: (event: BackgroundErrorEvent) => void;
}

/**
 * Why the pub/sub layer could not deliver a message:
 * - `channel full`: a local channel already held its capacity, so its oldest message was dropped;
 * - `undecodable`: a payload off Redis that was not a channels_redis message;
 * - `layer down`: a PUBLISH that Redis never accepted (the connection dropped under it).
 * The names are the core layer's (`DropReason`). Redis keeps nothing for a pub/sub layer, so
 * only a local mailbox nobody reads can expire (`expired`, counted once it happens).
 */
export type PubSubDropReason = Extract<DropReason, "channel full" | "undecodable" | "layer down">;

/** One message the pub/sub layer dropped (`count` 1): the shared `dropped` event. */
export type PubSubDroppedEvent = DroppedEvent & { reason: PubSubDropReason; channel: string };

/**
 * The reasons a `RedisChannelLayer` can drop a message for, which its `droppedCounts` always
 * names: a full queue (a group member skipped), an expired message, undecodable data off Redis,
 * a send Redis never accepted. The names are core's `DropReason`s, shared by every layer.
 */
export type RedisDropReason = Extract<DropReason, "channel full" | "expired" | "undecodable" | "layer down">;

/** Messages a `RedisChannelLayer` dropped since it started, by reason (zeros included). */
export type RedisDropCounts = Readonly<Record<RedisDropReason, number>> & Readonly<Partial<Record<DropReason, number>>>;

/** The pub/sub layer's events: the same as the core Redis layer's. */
export type PubSubLayerEvents = LayerEvents;

/** Messages dropped since the layer started, by reason (`expired` only once a local mailbox expired unread). */
export type PubSubDropCounts = Readonly<Record<PubSubDropReason, number>> & { readonly expired?: number };
