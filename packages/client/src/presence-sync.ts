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
 * Keys are the server's (often user-chosen) strings, so a state has no prototype and is read by own
 * keys only: else `constructor` or `toString` would find Object.prototype's, and writing
 * `__proto__` would set the prototype instead of storing a presence.
 */
export function emptyState<Meta extends object>(): PresenceState<Meta> {
  return Object.create(null) as PresenceState<Meta>;
}

/** The presence under `key`, never an inherited property. */
export function ownPresence<Meta extends object>(
  state: PresenceState<Meta>,
  key: string,
): { metas: Array<PresenceMeta<Meta>> } | undefined {
  return Object.hasOwn(state, key) ? state[key] : undefined;
}

/** Stores `presence` under `key` as data, `__proto__` included. */
function put<Meta extends object>(
  state: PresenceState<Meta>,
  key: string,
  presence: { metas: Array<PresenceMeta<Meta>> },
): void {
  Object.defineProperty(state, key, { value: presence, enumerable: true, writable: true, configurable: true });
}

/** A deep copy with no prototype, keeping every own key (JSON.parse keeps `__proto__` as data). */
export function copyState<Meta extends object>(state: PresenceState<Meta>): PresenceState<Meta> {
  const result = emptyState<Meta>();
  for (const [key, presence] of Object.entries(state)) put(result, key, copy(presence));
  return result;
}

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
  const state = copyState(current);
  const joins = emptyState<Meta>();
  const leaves = emptyState<Meta>();
  for (const [key, presence] of Object.entries(state)) if (!Object.hasOwn(next, key)) put(leaves, key, presence);
  for (const [key, incoming] of Object.entries(next)) {
    const existing = ownPresence(state, key);
    if (existing === undefined) {
      put(joins, key, copy(incoming));
      continue;
    }
    const nextRefs = new Set(incoming.metas.map((meta) => meta.ref));
    const currentRefs = new Set(existing.metas.map((meta) => meta.ref));
    const joined = incoming.metas.filter((meta) => !currentRefs.has(meta.ref));
    const left = existing.metas.filter((meta) => !nextRefs.has(meta.ref));
    if (joined.length > 0) put(joins, key, { metas: copy(joined) });
    if (left.length > 0) put(leaves, key, { metas: copy(left) });
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
  const result = copyState(state);
  const joins = copyState(diff.joins);
  const leaves = copyState(diff.leaves);
  for (const [key, joined] of Object.entries(joins)) {
    const before = ownPresence(result, key);
    const joinedRefs = new Set(joined.metas.map((meta) => meta.ref));
    const kept = before === undefined ? [] : before.metas.filter((meta) => !joinedRefs.has(meta.ref));
    put(result, key, { metas: [...kept, ...copy(joined.metas)] });
    onJoin?.(key, before, joined);
  }
  for (const [key, left] of Object.entries(leaves)) {
    const presence = ownPresence(result, key);
    if (presence === undefined) continue;
    const leftRefs = new Set(left.metas.map((meta) => meta.ref));
    presence.metas = presence.metas.filter((meta) => !leftRefs.has(meta.ref));
    onLeave?.(key, presence, left);
    if (presence.metas.length === 0) delete result[key];
  }
  return result;
}
