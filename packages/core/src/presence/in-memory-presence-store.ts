import type { PresenceStore } from "./presence-store";
import type { PresenceEntry } from "./presence-types";

/**
 * Presences of one process (the in-memory layer's): per group, entries by ref, in insertion
 * order. Nothing can die apart from the process, so nothing ever expires.
 */
export class InMemoryPresenceStore implements PresenceStore {
  private readonly groups = new Map<string, Map<string, PresenceEntry>>();

  put(group: string, entry: PresenceEntry, replaces?: string): Promise<void> {
    let entries = this.groups.get(group);
    if (entries === undefined) {
      entries = new Map();
      this.groups.set(group, entries);
    }
    if (replaces !== undefined) entries.delete(replaces);
    entries.set(entry.ref, entry);
    return Promise.resolve();
  }

  remove(group: string, refs: readonly string[]): Promise<void> {
    const entries = this.groups.get(group);
    if (entries !== undefined) {
      for (const ref of refs) entries.delete(ref);
      if (entries.size === 0) this.groups.delete(group);
    }
    return Promise.resolve();
  }

  list(group: string): Promise<PresenceEntry[]> {
    const entries = this.groups.get(group);
    return Promise.resolve(entries === undefined ? [] : [...entries.values()]);
  }

  count(group: string): Promise<number> {
    return Promise.resolve(this.groups.get(group)?.size ?? 0);
  }

  onExpired(): void {
    // Entries of this process go with it: there is no other process to tell.
  }

  close(): Promise<void> {
    this.groups.clear();
    return Promise.resolve();
  }
}
