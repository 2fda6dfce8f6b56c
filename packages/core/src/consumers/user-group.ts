import { createHash } from "node:crypto";
import { MAX_NAME_LENGTH } from "../layers/validate-names";
import { AnonymousUser } from "../middleware/user";

const PREFIX = "user.";
// Long ids are hashed under another prefix, so that a hashed name can never equal a plain one.
const HASHED_PREFIX = "user-sha256.";
const PLAIN = new RegExp(`^[A-Za-z0-9.-]{1,${MAX_NAME_LENGTH - 1 - PREFIX.length}}$`);
// By code point (the u flag), so that a character outside the BMP is one escape, not two halves.
const UNSAFE = /[^A-Za-z0-9.-]/gu;

/**
 * The group of one user's sockets: `user.42` for the id 42 (or "42": the same user either way).
 * Any id gives a valid group name: a character other than an ASCII letter, a digit, `.` or `-` is
 * written as its code point in hex between underscores (`a@b` -> `user.a_40_b`; `_` itself too, so
 * two ids never share a name), and an id whose name would reach 100 characters becomes
 * `user-sha256.<hex digest of the id>`.
 */
export function userGroupName(userId: string | number): string {
  if (typeof userId === "number" ? !Number.isFinite(userId) : typeof userId !== "string" || userId === "") {
    throw new TypeError(
      `userGroupName: the user id must be a non-empty string or a finite number, got ${typeof userId === "string" ? '""' : String(userId)}.`,
    );
  }
  const id = String(userId);
  if (PLAIN.test(id)) return PREFIX + id;
  const encoded = PREFIX + id.replace(UNSAFE, (char) => `_${(char.codePointAt(0) as number).toString(16)}_`);
  if (encoded.length < MAX_NAME_LENGTH) return encoded;
  return HASHED_PREFIX + createHash("sha256").update(id, "utf8").digest("hex");
}

/**
 * The id of `user` when it is an authenticated user (what `AuthMiddleware` and
 * `TokenAuthMiddleware` put in `scope.user`), or undefined: for an `AnonymousUser`, a user whose
 * `isAuthenticated` is false, no user at all, or an id that is neither a string nor a number.
 */
export function authenticatedUserId(user: unknown): string | number | undefined {
  if (typeof user !== "object" || user === null || user instanceof AnonymousUser) return undefined;
  const { id, isAuthenticated } = user as { id?: unknown; isAuthenticated?: unknown };
  if (isAuthenticated === false) return undefined;
  if (typeof id === "string") return id === "" ? undefined : id;
  return typeof id === "number" && Number.isFinite(id) ? id : undefined;
}
