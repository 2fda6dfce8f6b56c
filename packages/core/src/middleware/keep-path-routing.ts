import { isPathRouting, markPathRouting } from "../routing/path-routing";
import type { Application, Scope } from "../types";

/**
 * Middleware placed inside a URLRouter route must not hide the router it wraps: carrying the
 * routing mark over keeps the route matched as a prefix, so nested paths still resolve.
 */
export function keepPathRouting<S extends Scope>(inner: Application<never>, app: Application<S>): Application<S> {
  if (isPathRouting(inner)) markPathRouting(app as Application<never>);
  return app;
}
