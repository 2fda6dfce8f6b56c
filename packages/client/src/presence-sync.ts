/** One presence's metadata: what its consumer tracked, plus the `ref` that tells its sockets apart. */
export type PresenceMeta<Meta extends object = { [key: string]: unknown }> = Meta & { ref: string };

/** A group's presences by key (e.g. user id): one meta per tracked socket or tab. */
export type PresenceState<Meta extends object = { [key: string]: unknown }> = {
  [key: string]: { metas: Array<PresenceMeta<Meta>> };
};

/** A batch of joins and leaves, as in `{"type": "presence.diff", "joins": ..., "leaves": ...}`. */
export interface PresenceDiff<Meta extends object = { [key: string]: unknown }> {
  joins: PresenceState<Meta>;
  leaves: PresenceState<Meta>;
}

/** Called per key that gained metas: its presence before (undefined for a new key) and what joined. */
export type JoinCallback<Meta extends object> = (
  key: string,
  current: { metas: Array<PresenceMeta<Meta>> } | undefined,
  joined: { metas: Array<PresenceMeta<Meta>> },
) => void;

/** Called per key that lost metas: its presence after (metas empty when the key left) and what left. */
export type LeaveCallback<Meta extends object> = (
  key: string,
  current: { metas: Array<PresenceMeta<Meta>> },
  left: { metas: Array<PresenceMeta<Meta>> },
) => void;

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Phoenix's `syncState`: the new full state, with the joins and leaves it implies against the
 * current one reported per key, so a reconnect's fresh `presence.state` is a diff, not a redraw.
 */
export function syncState<Meta extends object>(
  current: PresenceState<Meta>,
  next: PresenceState<Meta>,
  onJoin?: JoinCallback<Meta>,
  onLeave?: LeaveCallback<Meta>,
): PresenceState<Meta> {
  const state = copy(current);
  const joins: PresenceState<Meta> = {};
  const leaves: PresenceState<Meta> = {};
  for (const [key, presence] of Object.entries(state)) if (!Object.hasOwn(next, key)) leaves[key] = presence;
  for (const [key, incoming] of Object.entries(next)) {
    const existing = state[key];
    if (existing === undefined) {
      joins[key] = copy(incoming);
      continue;
    }
    const nextRefs = new Set(incoming.metas.map((meta) => meta.ref));
    const currentRefs = new Set(existing.metas.map((meta) => meta.ref));
    const joined = incoming.metas.filter((meta) => !currentRefs.has(meta.ref));
    const left = existing.metas.filter((meta) => !nextRefs.has(meta.ref));
    if (joined.length > 0) joins[key] = { metas: copy(joined) };
    if (left.length > 0) leaves[key] = { metas: copy(left) };
  }
  return syncDiff(state, { joins, leaves }, onJoin, onLeave);
}

/**
 * Phoenix's `syncDiff`: joins add metas by `ref` (a join of a ref already there replaces that
 * meta), then leaves remove metas by `ref`, and a key with no metas left is gone.
 * Returns the new state; `state` itself is not changed.
 */
export function syncDiff<Meta extends object>(
  state: PresenceState<Meta>,
  diff: PresenceDiff<Meta>,
  onJoin?: JoinCallback<Meta>,
  onLeave?: LeaveCallback<Meta>,
): PresenceState<Meta> {
  const result = copy(state);
  const { joins, leaves } = copy(diff);
  for (const [key, joined] of Object.entries(joins)) {
    const before = result[key];
    const joinedRefs = new Set(joined.metas.map((meta) => meta.ref));
    const kept = before === undefined ? [] : before.metas.filter((meta) => !joinedRefs.has(meta.ref));
    result[key] = { metas: [...kept, ...copy(joined.metas)] };
    onJoin?.(key, before, joined);
  }
  for (const [key, left] of Object.entries(leaves)) {
    const presence = result[key];
    if (presence === undefined) continue;
    const leftRefs = new Set(left.metas.map((meta) => meta.ref));
    presence.metas = presence.metas.filter((meta) => !leftRefs.has(meta.ref));
    onLeave?.(key, presence, left);
    if (presence.metas.length === 0) delete result[key];
  }
  return result;
}
