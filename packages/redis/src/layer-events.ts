import type { HostDownEvent, HostEvent } from "./shard";

/** Data dropped off the wire: where it came from (Redis key or pub/sub channel) and why. */
export interface MalformedEvent {
  source: string;
  reason: string;
}

/**
 * Events both Redis layers emit (eventemitter3). `down` fires once when a host's connection
 * drops, or its first connection fails (`firstConnection`), with the error that says why; `up`
 * fires once it is back and the layer has restored its memberships and
 * subscriptions there, so an application can, for example, mark itself unhealthy in between.
 */
export interface LayerEvents {
  down: (event: HostDownEvent) => void;
  up: (event: HostEvent) => void;
  malformed: (event: MalformedEvent) => void;
}
