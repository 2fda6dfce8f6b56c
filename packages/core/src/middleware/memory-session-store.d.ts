import type { SessionData, SessionStore } from "./session-store";
export interface MemorySessionStoreOptions {
    /** Clock in milliseconds; tests pass a fake one to expire sessions without waiting. */
    now?: () => number;
}
/**
 * Sessions in this process's memory: for development, tests and single-process servers.
 * Expiry is checked on load and by a sweep every 1024 saves, so no timer keeps the process
 * alive and abandoned sessions cannot pile up without bound.
 */
export declare class MemorySessionStore implements SessionStore {
    private readonly entries;
    private readonly now;
    private savesSinceSweep;
    constructor(options?: MemorySessionStoreOptions);
    get size(): number;
    load(key: string): Promise<SessionData | null>;
    save(key: string, data: SessionData, maxAgeSeconds: number): Promise<void>;
    delete(key: string): Promise<void>;
    clear(): void;
    private sweep;
}
