import type { SessionData, SessionStore } from "./session-store";

export interface MemorySessionStoreOptions {
  /** Clock in milliseconds; tests pass a fake one to expire sessions without waiting. */
  now?: () => number;
}

interface Entry {
  data: SessionData;
  expiresAt: number;
}

const SWEEP_EVERY_SAVES = 1024;

/**
 * Sessions in this process's memory: for development, tests and single-process servers.
 * Expiry is checked on load and by a sweep every 1024 saves, so no timer keeps the process
 * alive and abandoned sessions cannot pile up without bound.
 */
export class MemorySessionStore implements SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private savesSinceSweep = 0;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async load(key: string): Promise<SessionData | null> {
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    // A copy, as a networked store would return: callers must not alias stored state.
    return structuredClone(entry.data);
  }

  async save(key: string, data: SessionData, maxAgeSeconds: number): Promise<void> {
    this.entries.set(key, { data: structuredClone(data), expiresAt: this.now() + maxAgeSeconds * 1000 });
    if (++this.savesSinceSweep >= SWEEP_EVERY_SAVES) this.sweep();
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private sweep(): void {
    this.savesSinceSweep = 0;
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}
