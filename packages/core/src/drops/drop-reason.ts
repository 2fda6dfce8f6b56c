/**
 * Why a message was not delivered. The same names hold for every layer and for the consumer and
 * the server, so one counter by reason covers a whole process:
 * - `channel full`: its channel (or a group member) already held its capacity;
 * - `expired`: it waited longer than the layer's `expiry`;
 * - `no handler`: the consumer it reached has no handler for its type (the consumer ends, 1011);
 * - `undecodable`: it came off the wire in a shape no peer writes;
 * - `client too slow`: its WebSocket client did not read, and was closed (1013);
 * - `rate limited`: its sender went over a rate limit;
 * - `layer down`: the layer's backing store (Redis) was gone while it was in flight;
 * - `shutting down`: it came, or was sent, after the server began to shut down.
 */
export type DropReason =
  | "channel full"
  | "expired"
  | "no handler"
  | "undecodable"
  | "client too slow"
  | "rate limited"
  | "layer down"
  | "shutting down";

/** Every drop reason, in the order the docs list them. */
export const DROP_REASONS: readonly DropReason[] = Object.freeze([
  "channel full",
  "expired",
  "no handler",
  "undecodable",
  "client too slow",
  "rate limited",
  "layer down",
  "shutting down",
]);

/** Where a drop happened: a channel (or Redis queue / Pub/Sub channel) or the group of a group send. */
export interface DropSite {
  channel?: string;
  group?: string;
}
