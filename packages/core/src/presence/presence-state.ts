import type { PresenceEntry, PresenceMeta, PresenceState } from "./presence-types";

/**
 * Entries in Phoenix Presence's shape. The object has no prototype: keys are the application's
 * (user ids, names), and one spelled `__proto__` or `constructor` must stay a key like any other.
 */
export function presenceStateOf(entries: Iterable<PresenceEntry>): PresenceState {
  const state = Object.create(null) as PresenceState;
  for (const entry of entries) {
    const meta: PresenceMeta = { ...entry.meta, ref: entry.ref };
    const current = state[entry.key];
    if (current === undefined) state[entry.key] = { metas: [meta] };
    else current.metas.push(meta);
  }
  return state;
}
