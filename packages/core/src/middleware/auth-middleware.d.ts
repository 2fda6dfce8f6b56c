import type { Application, Scope } from "../types";
import { type SessionMiddlewareOptions, type SessionScope } from "./session-middleware";
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
export declare function sessionUserResolver<U extends User>(loadUser: (id: string | number) => Promise<U | null>): UserResolver<U>;
/**
 * Puts the user in `scope.user` (channels.auth.AuthMiddleware), or an `AnonymousUser`.
 * The user is resolved before the inner application starts, so `scope.user` is a plain
 * value, never a promise. An outer `scope.user` is left as it is.
 */
export declare function AuthMiddleware<U extends User, S extends AuthScope<U> = AuthScope<U>>(inner: Application<S>, options: AuthMiddlewareOptions<U>): Application;
export type AuthMiddlewareStackOptions<U extends User> = SessionMiddlewareOptions & AuthMiddlewareOptions<U>;
/** `CookieMiddleware(SessionMiddleware(AuthMiddleware(inner)))`, as Channels' `AuthMiddlewareStack`. */
export declare function AuthMiddlewareStack<U extends User, S extends AuthScope<U> & SessionScope = AuthScope<U> & SessionScope>(inner: Application<S>, options: AuthMiddlewareStackOptions<U>): Application;
