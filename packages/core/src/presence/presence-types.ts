/**
 * What a tracked presence carries: the metadata its consumer gave (JSON values), plus the `ref`
 * the layer gave this one tracking (Phoenix's `phx_ref`), unique per track and per update.
 */
export interface PresenceMeta {
  readonly ref: string;
  readonly [field: string]: unknown;
}

/** A group's presences (Phoenix Presence's shape): per key, one meta per tracking consumer (tab, socket). */
export type PresenceState = Record<string, { metas: PresenceMeta[] }>;

/** Sent to every member of a group (batched, see `diffWindowMs`): who joined and who left. */
export interface PresenceDiffMessage {
  type: "presence.diff";
  group: string;
  joins: PresenceState;
  leaves: PresenceState;
}

/** Sent to a tracking consumer's own channel when it asks for it on `track`: the whole group. */
export interface PresenceStateMessage {
  type: "presence.state";
  group: string;
  presences: PresenceState;
}

/** The metadata a consumer tracks with: a plain object of JSON values, without `ref` (the layer sets it). */
export type PresenceMetaInput = Record<string, unknown>;

/** One tracked presence as a store holds it. */
export interface PresenceEntry {
  readonly key: string;
  readonly ref: string;
  /** The consumer's metadata, without `ref`. */
  readonly meta: PresenceMetaInput;
}
