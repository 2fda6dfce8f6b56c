import { keepPathRouting } from "./keep-path-routing";
import type { Application, Scope } from "../types";
import { parseCookies, type Cookies } from "./parse-cookies";
import { headerValues } from "./scope-headers";

/** A scope after `CookieMiddleware`. */
export interface CookieScope extends Scope {
  cookies: Cookies;
}

/**
 * Parses the request's `Cookie` header(s) into `scope.cookies` (Channels' `CookieMiddleware`).
 * Several `Cookie` headers (HTTP/2 may split them) are read as one. A scope without headers
 * (lifespan, channel) gets an empty `cookies`, so a stack can wrap a whole protocol router.
 */
export function CookieMiddleware<S extends CookieScope = CookieScope>(inner: Application<S>): Application {
  return keepPathRouting(inner as Application<never>, async function cookieMiddleware(scope, receive, send) {
    const values = headerValues(scope, "cookie");
    const cookies = parseCookies(values.length === 1 ? (values[0] as string) : values.join("; "));
    return inner({ ...scope, cookies } as S, receive, send);
  });
}
