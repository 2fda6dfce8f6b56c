import type { Application, Scope } from "../types";
import { type Cookies } from "./parse-cookies";
/** A scope after `CookieMiddleware`. */
export interface CookieScope extends Scope {
    cookies: Cookies;
}
/**
 * Parses the request's `Cookie` header(s) into `scope.cookies` (Channels' `CookieMiddleware`).
 * Several `Cookie` headers (HTTP/2 may split them) are read as one. A scope without headers
 * (lifespan, channel) gets an empty `cookies`, so a stack can wrap a whole protocol router.
 */
export declare function CookieMiddleware<S extends CookieScope = CookieScope>(inner: Application<S>): Application;
