import { keepPathRouting } from "./keep-path-routing";
import type { Application, Scope } from "../types";
import { CookieMiddleware } from "./cookie-middleware";
import { MiddlewareConfigError } from "./errors";
import { getSession, safeEqual, SESSION_USER_HASH_KEY, SESSION_USER_ID_KEY } from "./login";
import { SessionMiddleware, type SessionMiddlewareOptions, type SessionScope } from "./session-middleware";
import { AnonymousUser, type User } from "./user";

/** A scope after `AuthMiddleware`. */
export interface AuthScope<U extends User = User> extends Scope {
  user: U | AnonymousUser;
}

export type UserResolver<U extends User> = (scope: Scope) => Promise<U | null>;

export interface AuthMiddlewareOptions<U extends User> {
  /** Finds the user for a scope (a token in the query string, a header...). Overrides `loadUser`. */
  resolveUser?: UserResolver<U>;
  /** For the default resolver: loads the user whose id `login()` stored in the session. */
  loadUser?: (id: string | number) => Promise<U | null>;
}

/**
 * The default resolver (channels.auth.get_user): reads the id `login()` stored under
 * `_auth_user_id` and loads that user. If the user has a `sessionAuthHash` that no longer
 * matches the one stored at login, the session is flushed and the user is anonymous.
 */
export function sessionUserResolver<U extends User>(
  loadUser: (id: string | number) => Promise<U | null>,
): UserResolver<U> {
  return async function resolveSessionUser(scope) {
    const session = getSession(scope, "AuthMiddleware's session resolver");
    const id = await session.get(SESSION_USER_ID_KEY);
    if (typeof id !== "string" && typeof id !== "number") return null;
    const user = await loadUser(id);
    if (user === null || user.sessionAuthHash === undefined) return user;
    if (safeEqual(await session.get(SESSION_USER_HASH_KEY), user.sessionAuthHash)) return user;
    await session.flush();
    return null;
  };
}

/**
 * Puts the user in `scope.user` (channels.auth.AuthMiddleware), or an `AnonymousUser`.
 * The user is resolved before the inner application starts, so `scope.user` is a plain
 * value, never a promise. An outer `scope.user` is left as it is.
 */
export function AuthMiddleware<U extends User, S extends AuthScope<U> = AuthScope<U>>(
  inner: Application<S>,
  options: AuthMiddlewareOptions<U>,
): Application {
  const resolveUser = options.resolveUser ?? (options.loadUser && sessionUserResolver(options.loadUser));
  if (resolveUser === undefined) {
    throw new MiddlewareConfigError(
      "AuthMiddleware needs options.loadUser(id) (to read the session) or options.resolveUser(scope).",
    );
  }
  return keepPathRouting(inner as Application<never>, async function authMiddleware(scope, receive, send) {
    if (scope["user"] !== undefined) return inner({ ...scope } as S, receive, send);
    const user = (await resolveUser(scope)) ?? new AnonymousUser();
    return inner({ ...scope, user } as S, receive, send);
  });
}

export type AuthMiddlewareStackOptions<U extends User> = SessionMiddlewareOptions & AuthMiddlewareOptions<U>;

/** `CookieMiddleware(SessionMiddleware(AuthMiddleware(inner)))`, as Channels' `AuthMiddlewareStack`. */
export function AuthMiddlewareStack<
  U extends User,
  S extends AuthScope<U> & SessionScope = AuthScope<U> & SessionScope,
>(inner: Application<S>, options: AuthMiddlewareStackOptions<U>): Application {
  return CookieMiddleware(SessionMiddleware(AuthMiddleware<U, S>(inner, options), options));
}
