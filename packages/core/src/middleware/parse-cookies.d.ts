/** Cookie name to value, as `scope.cookies` holds them. */
export type Cookies = Record<string, string>;
/**
 * Parses a `Cookie` request header (RFC 6265 section 4.2) into a name-to-value map.
 *
 * Tolerant by design, because a browser will send whatever other sites' scripts stored:
 * a pair without `=` is skipped, whitespace around names and values is trimmed, a value in
 * double quotes is unquoted, and a value that is not valid percent-encoding is kept as it
 * came. When a name repeats, the first wins: browsers list the cookie with the most
 * specific path first (RFC 6265 section 5.4), so it is the one the application meant.
 * The result has no prototype, so a cookie named `__proto__` is just a cookie.
 */
export declare function parseCookies(header: string): Cookies;
