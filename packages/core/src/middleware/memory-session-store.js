"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemorySessionStore = void 0;
const SWEEP_EVERY_SAVES = 1024;
/**
 * Sessions in this process's memory: for development, tests and single-process servers.
 * Expiry is checked on load and by a sweep every 1024 saves, so no timer keeps the process
 * alive and abandoned sessions cannot pile up without bound.
 */
class MemorySessionStore {
    entries = new Map();
    now;
    savesSinceSweep = 0;
    constructor(options = {}) {
        this.now = options.now ?? Date.now;
    }
    get size() {
        return this.entries.size;
    }
    async load(key) {
        const entry = this.entries.get(key);
        if (entry === undefined)
            return null;
        if (entry.expiresAt <= this.now()) {
            this.entries.delete(key);
            return null;
        }
        // A copy, as a networked store would return: callers must not alias stored state.
        return structuredClone(entry.data);
    }
    async save(key, data, maxAgeSeconds) {
        this.entries.set(key, { data: structuredClone(data), expiresAt: this.now() + maxAgeSeconds * 1000 });
        if (++this.savesSinceSweep >= SWEEP_EVERY_SAVES)
            this.sweep();
    }
    async delete(key) {
        this.entries.delete(key);
    }
    clear() {
        this.entries.clear();
    }
    sweep() {
        this.savesSinceSweep = 0;
        const now = this.now();
        for (const [key, entry] of this.entries) {
            if (entry.expiresAt <= now)
                this.entries.delete(key);
        }
    }
}
exports.MemorySessionStore = MemorySessionStore;
//# sourceMappingURL=memory-session-store.js.map