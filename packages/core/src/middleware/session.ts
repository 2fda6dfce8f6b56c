import { randomBytes } from "node:crypto";
import type { SessionData, SessionStore, SessionValue } from "./session-store";

/** A new unguessable session key: 192 random bits, base64url (cookie-safe). */
export function newSessionKey(): string {
  return randomBytes(24).toString("base64url");
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
export class Session {
  modified = false;
  private sessionKey: string | null;
  private data: Map<string, SessionValue> | null = null;
  private loading: Promise<Map<string, SessionValue>> | null = null;

  constructor(
    private readonly store: SessionStore,
    key: string | null,
    readonly maxAgeSeconds: number,
  ) {
    this.sessionKey = key;
  }

  /** The key the session is (or will be) saved under; null until a new session is saved. */
  get key(): string | null {
    return this.sessionKey;
  }

  get isLoaded(): boolean {
    return this.data !== null;
  }

  /** Loads from the store once; concurrent callers share the one load. */
  async load(): Promise<void> {
    await this.entries();
  }

  async get(name: string): Promise<SessionValue | undefined> {
    return (await this.entries()).get(name);
  }

  async has(name: string): Promise<boolean> {
    return (await this.entries()).has(name);
  }

  async keys(): Promise<string[]> {
    return [...(await this.entries()).keys()];
  }

  async isEmpty(): Promise<boolean> {
    return (await this.entries()).size === 0;
  }

  async set(name: string, value: SessionValue): Promise<void> {
    (await this.entries()).set(name, value);
    this.modified = true;
  }

  /** Removes `name`; true if it was there. */
  async delete(name: string): Promise<boolean> {
    const removed = (await this.entries()).delete(name);
    if (removed) this.modified = true;
    return removed;
  }

  /** Empties the data but keeps the key. */
  async clear(): Promise<void> {
    (await this.entries()).clear();
    this.modified = true;
  }

  /** Writes the data to the store, choosing a key first if this is a new session. */
  async save(): Promise<void> {
    const data = await this.entries();
    this.sessionKey ??= newSessionKey();
    await this.store.save(this.sessionKey, Object.fromEntries(data) as SessionData, this.maxAgeSeconds);
  }

  /** Deletes the session from the store and starts an empty one with no key (logout). */
  async flush(): Promise<void> {
    const old = this.sessionKey;
    this.data = new Map();
    this.loading = null;
    this.sessionKey = null;
    this.modified = true;
    if (old !== null) await this.store.delete(old);
  }

  /** Keeps the data under a new key and deletes the old one (against session fixation, at login). */
  async cycleKey(): Promise<void> {
    await this.entries();
    const old = this.sessionKey;
    this.sessionKey = newSessionKey();
    this.modified = true;
    if (old !== null) await this.store.delete(old);
  }

  private entries(): Promise<Map<string, SessionValue>> | Map<string, SessionValue> {
    if (this.data !== null) return this.data;
    this.loading ??= this.fetch();
    return this.loading;
  }

  private async fetch(): Promise<Map<string, SessionValue>> {
    const key = this.sessionKey;
    const stored = key === null ? null : await this.store.load(key);
    // A key the store does not know (expired, deleted, flushed elsewhere) is never reused.
    if (stored === null) this.sessionKey = null;
    this.data ??= new Map(Object.entries(stored ?? {}));
    return this.data;
  }
}
