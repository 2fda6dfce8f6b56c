import type { PresenceEntry } from "./presence-types";

/**
 * Where a layer's presences live: the narrow seam between the protocol (refs, diffs, batching,
 * the consumer's lifecycle, all in `Presence`) and a backend. The in-memory store serves the
 * in-memory layer; `@channels-ts/redis` has one for both Redis layers. A store never sends
 * messages: it stores, lists, counts, and says which entries went with a dead process.
 */
export interface PresenceStore {
  /** Adds `entry` to `group`; when `replaces` is given, removes that ref in the same step (an update). */
  put(group: string, entry: PresenceEntry, replaces?: string): Promise<void>;

  /** Removes these refs from `group`; refs it does not hold are ignored. */
  remove(group: string, refs: readonly string[]): Promise<void>;

  /** Every live entry of `group` (entries of a process known dead are left out), in one round trip. */
  list(group: string): Promise<PresenceEntry[]>;

  /** How many live entries `group` holds, without reading them. */
  count(group: string): Promise<number>;

  /**
   * Called with the entries of a process that died (Redis: its heartbeat stopped), once they are
   * removed, so that their leave diff goes out. Exactly one live process reports each such entry.
   */
  onExpired(listener: (group: string, entries: readonly PresenceEntry[]) => void): void;

  /**
   * Optional. Called with entries of this process that the store put back after losing them (Redis:
   * another process took this one for dead, reaped its entries and sent their leave diff), so that
   * their join diff goes out again. A store that cannot lose its own entries leaves it out.
   */
  onRestored?(listener: (group: string, entries: readonly PresenceEntry[]) => void): void;

  /** Stops timers and connections; this process's entries are removed first where the store can. */
  close(): Promise<void>;
}
