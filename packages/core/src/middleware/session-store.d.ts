/** What a session can hold: JSON values, so that any store can serialise them. */
export type SessionValue = string | number | boolean | null | SessionValue[] | {
    [key: string]: SessionValue;
};
export type SessionData = Record<string, SessionValue>;
/**
 * Where sessions live (Django's `SESSION_ENGINE`). Keys are random and unguessable; the
 * middleware signs them into the cookie, so a store needs no authentication of its own.
 */
export interface SessionStore {
    /** The data saved under `key`, or null if there is none or it has expired. */
    load(key: string): Promise<SessionData | null>;
    /** Stores a copy of `data` (later changes to the object must not leak into the store). */
    save(key: string, data: SessionData, maxAgeSeconds: number): Promise<void>;
    /** Removes `key`; a missing key is not an error. */
    delete(key: string): Promise<void>;
}
