import type { Application } from "../types";
import { type CookieScope } from "./cookie-middleware";
import { Session } from "./session";
import type { SessionStore } from "./session-store";
import { type CookieOptions } from "./set-cookie-header";
/** A scope after `SessionMiddleware`. */
export interface SessionScope extends CookieScope {
    session: Session;
}
export interface SessionMiddlewareOptions extends Omit<CookieOptions, "maxAge" | "expires"> {
    /**
     * Signs the session cookie. A list allows rotation: the first signs, any verifies. Never empty
     * (an empty list or string is a `MiddlewareConfigError`), hence the non-empty tuple type.
     */
    secret: string | readonly [string, ...string[]];
    /** Default "sessionid", as Django's SESSION_COOKIE_NAME. */
    cookieName?: string;
    /**
     * Default: one `MemorySessionStore` shared by every SessionMiddleware in the process (as
     * Django's SESSION_ENGINE is global), so an HTTP stack and a WebSocket stack see the same
     * sessions. Use a networked store when running several processes.
     */
    store?: SessionStore;
    /** Lifetime of the session and its cookie; default two weeks, as Django's SESSION_COOKIE_AGE. */
    maxAgeSeconds?: number;
}
/**
 * Puts a `Session` in `scope.session`, keyed by a signed cookie (Channels' `SessionMiddleware`).
 * Must run inside `CookieMiddleware` (see `SessionMiddlewareStack`). A missing, forged or
 * stale cookie gives an empty new session, never an error. If an outer session middleware
 * already set `scope.session`, this one passes the scope through untouched.
 *
 * HTTP: when the application starts its response (`http.response.start`, status other than
 * 500) with a modified session, the session is saved and a Set-Cookie header added to that
 * message; an emptied session is deleted and its cookie cleared instead.
 * WebSocket: saving is explicit (`await scope.session.save()`), as in Channels, and no cookie
 * can be set: the handshake response has been sent before the application sees the scope.
 */
export declare function SessionMiddleware<S extends SessionScope = SessionScope>(inner: Application<S>, options: SessionMiddlewareOptions): Application;
/** `CookieMiddleware(SessionMiddleware(inner, options))`, as Channels' `SessionMiddlewareStack`. */
export declare function SessionMiddlewareStack<S extends SessionScope = SessionScope>(inner: Application<S>, options: SessionMiddlewareOptions): Application;
