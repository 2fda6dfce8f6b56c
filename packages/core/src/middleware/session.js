"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Session = void 0;
exports.newSessionKey = newSessionKey;
const node_crypto_1 = require("node:crypto");
/** A new unguessable session key: 192 random bits, base64url (cookie-safe). */
function newSessionKey() {
    return (0, node_crypto_1.randomBytes)(24).toString("base64url");
}
/**
 * `scope.session`: one client's session, loaded from the store on first use.
 *
 * Every accessor is async because the first one loads; later ones resolve at once.
 * `modified` turns true on any change and, as in Django, stays true after `save()`: it means
 * "differs from what the request brought", which is what decides the HTTP Set-Cookie.
 *
 * On HTTP, `SessionMiddleware` saves a modified session when the response starts. On a
 * WebSocket nothing is saved for you: call `await scope.session.save()` (as in Channels), and
 * note that a new or cycled key cannot reach the browser, whose cookie was fixed at the
 * handshake.
 */
class Session {
    store;
    maxAgeSeconds;
    modified = false;
    sessionKey;
    data = null;
    loading = null;
    constructor(store, key, maxAgeSeconds) {
        this.store = store;
        this.maxAgeSeconds = maxAgeSeconds;
        this.sessionKey = key;
    }
    /** The key the session is (or will be) saved under; null until a new session is saved. */
    get key() {
        return this.sessionKey;
    }
    get isLoaded() {
        return this.data !== null;
    }
    /** Loads from the store once; concurrent callers share the one load. */
    async load() {
        await this.entries();
    }
    async get(name) {
        return (await this.entries()).get(name);
    }
    async has(name) {
        return (await this.entries()).has(name);
    }
    async keys() {
        return [...(await this.entries()).keys()];
    }
    async isEmpty() {
        return (await this.entries()).size === 0;
    }
    async set(name, value) {
        (await this.entries()).set(name, value);
        this.modified = true;
    }
    /** Removes `name`; true if it was there. */
    async delete(name) {
        const removed = (await this.entries()).delete(name);
        if (removed)
            this.modified = true;
        return removed;
    }
    /** Empties the data but keeps the key. */
    async clear() {
        (await this.entries()).clear();
        this.modified = true;
    }
    /** Writes the data to the store, choosing a key first if this is a new session. */
    async save() {
        const data = await this.entries();
        this.sessionKey ??= newSessionKey();
        await this.store.save(this.sessionKey, Object.fromEntries(data), this.maxAgeSeconds);
    }
    /** Deletes the session from the store and starts an empty one with no key (logout). */
    async flush() {
        const old = this.sessionKey;
        this.data = new Map();
        this.loading = null;
        this.sessionKey = null;
        this.modified = true;
        if (old !== null)
            await this.store.delete(old);
    }
    /** Keeps the data under a new key and deletes the old one (against session fixation, at login). */
    async cycleKey() {
        await this.entries();
        const old = this.sessionKey;
        this.sessionKey = newSessionKey();
        this.modified = true;
        if (old !== null)
            await this.store.delete(old);
    }
    entries() {
        if (this.data !== null)
            return this.data;
        this.loading ??= this.fetch();
        return this.loading;
    }
    async fetch() {
        const key = this.sessionKey;
        const stored = key === null ? null : await this.store.load(key);
        // A key the store does not know (expired, deleted, flushed elsewhere) is never reused.
        if (stored === null)
            this.sessionKey = null;
        this.data ??= new Map(Object.entries(stored ?? {}));
        return this.data;
    }
}
exports.Session = Session;
//# sourceMappingURL=session.js.map