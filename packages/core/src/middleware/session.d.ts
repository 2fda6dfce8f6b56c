import type { SessionStore, SessionValue } from "./session-store";
/** A new unguessable session key: 192 random bits, base64url (cookie-safe). */
export declare function newSessionKey(): string;
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
export declare class Session {
    private readonly store;
    readonly maxAgeSeconds: number;
    modified: boolean;
    private sessionKey;
    private data;
    private loading;
    constructor(store: SessionStore, key: string | null, maxAgeSeconds: number);
    /** The key the session is (or will be) saved under; null until a new session is saved. */
    get key(): string | null;
    get isLoaded(): boolean;
    /** Loads from the store once; concurrent callers share the one load. */
    load(): Promise<void>;
    get(name: string): Promise<SessionValue | undefined>;
    has(name: string): Promise<boolean>;
    keys(): Promise<string[]>;
    isEmpty(): Promise<boolean>;
    set(name: string, value: SessionValue): Promise<void>;
    /** Removes `name`; true if it was there. */
    delete(name: string): Promise<boolean>;
    /** Empties the data but keeps the key. */
    clear(): Promise<void>;
    /** Writes the data to the store, choosing a key first if this is a new session. */
    save(): Promise<void>;
    /** Deletes the session from the store and starts an empty one with no key (logout). */
    flush(): Promise<void>;
    /** Keeps the data under a new key and deletes the old one (against session fixation, at login). */
    cycleKey(): Promise<void>;
    private entries;
    private fetch;
}
