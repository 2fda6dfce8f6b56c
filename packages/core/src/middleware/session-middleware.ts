import { keepPathRouting } from "./keep-path-routing";
import type { HttpResponseStartEvent } from "../events";
import type { Application, Send } from "../types";
import { CookieMiddleware, type CookieScope } from "./cookie-middleware";
import { CookieSigner } from "./cookie-signer";
import { MiddlewareConfigError } from "./errors";
import { MemorySessionStore } from "./memory-session-store";
import { Session } from "./session";
import type { SessionStore } from "./session-store";
import { deleteCookieHeader, setCookieHeader, type CookieOptions } from "./set-cookie-header";

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

const defaults = {
  cookieName: "sessionid",
  maxAgeSeconds: 1_209_600,
  path: "/",
  httpOnly: true,
  sameSite: "Lax",
  secure: false,
} satisfies Partial<SessionMiddlewareOptions>;

let sharedStore: MemorySessionStore | undefined;
function processSessionStore(): MemorySessionStore {
  sharedStore ??= new MemorySessionStore();
  return sharedStore;
}

function resolveOptions(options: SessionMiddlewareOptions) {
  // Field by field, so an explicit `undefined` falls back to the default instead of erasing it.
  return {
    secret: options.secret,
    store: options.store,
    domain: options.domain,
    cookieName: options.cookieName ?? defaults.cookieName,
    maxAgeSeconds: options.maxAgeSeconds ?? defaults.maxAgeSeconds,
    path: options.path ?? defaults.path,
    httpOnly: options.httpOnly ?? defaults.httpOnly,
    sameSite: options.sameSite ?? defaults.sameSite,
    secure: options.secure ?? defaults.secure,
  };
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
export function SessionMiddleware<S extends SessionScope = SessionScope>(
  inner: Application<S>,
  options: SessionMiddlewareOptions,
): Application {
  const config = resolveOptions(options);
  if (!Number.isFinite(config.maxAgeSeconds) || config.maxAgeSeconds <= 0) {
    throw new MiddlewareConfigError(
      `SessionMiddleware maxAgeSeconds must be a positive number of seconds, got ${String(config.maxAgeSeconds)}.`,
    );
  }
  const signer = new CookieSigner(config.secret);
  const store = config.store ?? processSessionStore();
  const cookieOptions: CookieOptions = {
    maxAge: config.maxAgeSeconds,
    path: config.path,
    secure: config.secure,
    httpOnly: config.httpOnly,
    sameSite: config.sameSite,
    ...(config.domain === undefined ? {} : { domain: config.domain }),
  };
  // Fail at startup, not at the first response, on a bad cookie name or attribute.
  setCookieHeader(config.cookieName, "probe", cookieOptions);
  const clearCookie = deleteCookieHeader(config.cookieName, cookieOptions);

  async function commit(
    session: Session,
    hadCookie: boolean,
    message: HttpResponseStartEvent,
  ): Promise<HttpResponseStartEvent> {
    let header: string;
    if (await session.isEmpty()) {
      const key = session.key;
      if (key !== null) await store.delete(key);
      if (!hadCookie) return message;
      header = clearCookie;
    } else {
      await session.save();
      header = setCookieHeader(config.cookieName, signer.sign(session.key as string), cookieOptions);
    }
    const headers = Array.isArray(message.headers) ? message.headers : [];
    // A new message: the application may reuse its own object, which must stay as it wrote it.
    return { ...message, headers: [...headers, ["set-cookie", header]] };
  }

  return keepPathRouting(inner as Application<never>, async function sessionMiddleware(scope, receive, send) {
    if (scope["session"] !== undefined) return inner({ ...scope } as S, receive, send);
    const cookies = scope["cookies"] as Record<string, string> | undefined;
    if (typeof cookies !== "object" || cookies === null) {
      throw new MiddlewareConfigError(
        "SessionMiddleware found no scope.cookies: wrap it in CookieMiddleware, or use SessionMiddlewareStack(app, options).",
      );
    }
    const raw = cookies[config.cookieName];
    const key = raw === undefined ? null : signer.unsign(raw);
    const session = new Session(store, key, config.maxAgeSeconds);
    let innerSend: Send = send;
    if (scope.type === "http") {
      const hadCookie = raw !== undefined;
      innerSend = async (message) => {
        if (message.type === "http.response.start" && session.modified && message.status !== 500) {
          return send(await commit(session, hadCookie, message));
        }
        return send(message);
      };
    }
    return inner({ ...scope, session } as S, receive, innerSend);
  });
}

/** `CookieMiddleware(SessionMiddleware(inner, options))`, as Channels' `SessionMiddlewareStack`. */
export function SessionMiddlewareStack<S extends SessionScope = SessionScope>(
  inner: Application<S>,
  options: SessionMiddlewareOptions,
): Application {
  return CookieMiddleware(SessionMiddleware(inner, options));
}
