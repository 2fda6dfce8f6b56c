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

/** Users from the session: the default resolver loads the user whose id `login()` stored. */
export interface SessionUserOptions<U extends User> {
  loadUser: (id: string | number) => Promise<U | null>;
  /** Give `loadUser` or `resolveUser`, not both: the one given is the only way users are found. */
  resolveUser?: never;
}

/** Users from anything in the scope (a token in the query string, a header...). */
export interface ResolveUserOptions<U extends User> {
  resolveUser: UserResolver<U>;
  /** Give `loadUser` or `resolveUser`, not both: the one given is the only way users are found. */
  loadUser?: never;
}

/** Exactly one way to find the user: `loadUser(id)` (through the session) or `resolveUser(scope)`. */
export type AuthMiddlewareOptions<U extends User> = SessionUserOptions<U> | ResolveUserOptions<U>;

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
  const resolveUser = userResolverOf(options);
  return keepPathRouting(inner as Application<never>, async function authMiddleware(scope, receive, send) {
    if (scope["user"] !== undefined) return inner({ ...scope } as S, receive, send);
    const user = (await resolveUser(scope)) ?? new AnonymousUser();
    return inner({ ...scope, user } as S, receive, send);
  });
}

/** The resolver the options name; the types allow exactly one, and so does this check for JavaScript callers. */
function userResolverOf<U extends User>(options: AuthMiddlewareOptions<U>): UserResolver<U> {
  const { loadUser, resolveUser } = (options ?? {}) as { loadUser?: unknown; resolveUser?: unknown };
  if (loadUser !== undefined && resolveUser !== undefined) {
    throw new MiddlewareConfigError(
      "AuthMiddleware was given both options.loadUser and options.resolveUser; give one: loadUser(id) to read the user " +
        "login() stored in the session, or resolveUser(scope) to find the user another way.",
    );
  }
  if (typeof resolveUser === "function") return resolveUser as UserResolver<U>;
  if (typeof loadUser === "function") return sessionUserResolver(loadUser as SessionUserOptions<U>["loadUser"]);
  const given =
    resolveUser !== undefined
      ? `resolveUser ${typeof resolveUser}`
      : loadUser !== undefined
        ? `loadUser ${typeof loadUser}`
        : "neither";
  throw new MiddlewareConfigError(
    `AuthMiddleware needs options.loadUser(id) (to read the session) or options.resolveUser(scope), a function; got ${given}.`,
  );
}

export type AuthMiddlewareStackOptions<U extends User> = SessionMiddlewareOptions & AuthMiddlewareOptions<U>;

/** `CookieMiddleware(SessionMiddleware(AuthMiddleware(inner)))`, as Channels' `AuthMiddlewareStack`. */
export function AuthMiddlewareStack<
  U extends User,
  S extends AuthScope<U> & SessionScope = AuthScope<U> & SessionScope,
>(inner: Application<S>, options: AuthMiddlewareStackOptions<U>): Application {
  return CookieMiddleware(SessionMiddleware(AuthMiddleware<U, S>(inner, options), options));
}
