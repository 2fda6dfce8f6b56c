import type { Application, Scope } from "../types";
/**
 * Middleware placed inside a URLRouter route must not hide the router it wraps: carrying the
 * routing mark over keeps the route matched as a prefix, so nested paths still resolve.
 */
export declare function keepPathRouting<S extends Scope>(inner: Application<never>, app: Application<S>): Application<S>;
