import type { Scope } from "../types";
import { Session } from "./session";
import { type User } from "./user";
/** Session keys, as Django's `SESSION_KEY` and `HASH_SESSION_KEY`. */
export declare const SESSION_USER_ID_KEY = "_auth_user_id";
export declare const SESSION_USER_HASH_KEY = "_auth_user_hash";
/** `scope.session`, or an error saying which middleware is missing. */
export declare function getSession(scope: Scope, caller?: string): Session;
export interface LoginOptions {
    /**
     * Give an anonymous session a new key, so a key planted before login is useless after it
     * (session fixation). Default true. Over a WebSocket the browser cannot learn the new key,
     * so the login lasts for that connection only; log in over HTTP to keep it.
     */
    cycleKey?: boolean;
}
/**
 * Records `user` as logged in (channels.auth.login): stores its id in the session and sets
 * `scope.user`. A session that belonged to another user is flushed first. Persist it with
 * `await scope.session.save()` on a WebSocket; on HTTP the middleware saves it.
 */
export declare function login<U extends User>(scope: Scope, user: U, options?: LoginOptions): Promise<void>;
/** Forgets the logged-in user (channels.auth.logout): flushes the session, `scope.user` becomes anonymous. */
export declare function logout(scope: Scope): Promise<void>;
/** Constant-time string comparison; anything but a string is unequal. */
export declare function safeEqual(stored: unknown, expected: string): boolean;
