import { timingSafeEqual } from "node:crypto";
import type { Scope } from "../types";
import { MiddlewareConfigError } from "./errors";
import { Session } from "./session";
import { AnonymousUser, type User } from "./user";

/** Session keys, as Django's `SESSION_KEY` and `HASH_SESSION_KEY`. */
export const SESSION_USER_ID_KEY = "_auth_user_id";
export const SESSION_USER_HASH_KEY = "_auth_user_hash";

/** `scope.session`, or an error saying which middleware is missing. */
export function getSession(scope: Scope, caller = "This operation"): Session {
  const session = scope["session"];
  if (!(session instanceof Session)) {
    throw new MiddlewareConfigError(
      `${caller} cannot find scope.session: wrap the application in SessionMiddlewareStack (or AuthMiddlewareStack).`,
    );
  }
  return session;
}

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
export async function login<U extends User>(scope: Scope, user: U, options: LoginOptions = {}): Promise<void> {
  const session = getSession(scope, "login()");
  const hash = user.sessionAuthHash ?? "";
  const currentId = await session.get(SESSION_USER_ID_KEY);
  if (currentId !== undefined) {
    const storedHash = await session.get(SESSION_USER_HASH_KEY);
    const sameUser = String(currentId) === String(user.id);
    if (!sameUser || (hash !== "" && !safeEqual(storedHash, hash))) await session.flush();
  } else if (options.cycleKey !== false) {
    await session.cycleKey();
  }
  await session.set(SESSION_USER_ID_KEY, user.id);
  await session.set(SESSION_USER_HASH_KEY, hash);
  scope["user"] = user;
}

/** Forgets the logged-in user (channels.auth.logout): flushes the session, `scope.user` becomes anonymous. */
export async function logout(scope: Scope): Promise<void> {
  await getSession(scope, "logout()").flush();
  if ("user" in scope) scope["user"] = new AnonymousUser();
}

/** Constant-time string comparison; anything but a string is unequal. */
export function safeEqual(stored: unknown, expected: string): boolean {
  if (typeof stored !== "string") return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
