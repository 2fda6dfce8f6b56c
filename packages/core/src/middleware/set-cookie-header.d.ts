/** Attributes of a Set-Cookie header (RFC 6265 section 4.1). */
export interface CookieOptions {
    /** Lifetime in seconds; also written as `Expires` for clients that ignore `Max-Age`. */
    maxAge?: number;
    expires?: Date;
    /** Defaults to "/", as in Django. */
    path?: string;
    domain?: string;
    secure?: boolean;
    httpOnly?: boolean;
    sameSite?: "Strict" | "Lax" | "None";
}
/**
 * Builds the value of a `Set-Cookie` response header, e.g.
 * `setCookieHeader("sessionid", key, { maxAge: 3600, httpOnly: true })`.
 * The value is percent-encoded (the inverse of `parseCookies`). Anything that could inject
 * another attribute or header throws `InvalidCookie`.
 */
export declare function setCookieHeader(name: string, value: string, options?: CookieOptions): string;
/**
 * A Set-Cookie value that makes the client drop cookie `name`. Path and domain must match the
 * cookie's; other attributes are kept because browsers refuse some cookies without them
 * (`__Secure-` names, SameSite=None without Secure), deletions included.
 */
export declare function deleteCookieHeader(name: string, options?: Omit<CookieOptions, "maxAge" | "expires">): string;
