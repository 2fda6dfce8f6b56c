import type { Application } from "../types";
import type { Route } from "./route";

/**
 * Marks an application that routes the rest of the path itself (Channels' `_path_routing`).
 * A route to such an application is matched as a prefix rather than anchored at the end,
 * and the application reads the unmatched remainder from `scope.path_remaining`.
 * `Symbol.for` so two copies of this package still recognise each other's routers.
 */
export const PATH_ROUTING: unique symbol = Symbol.for("channels-ts.path-routing") as never;

/** Where a `URLRouter` keeps its routes, so an outer router can resolve through it directly. */
export const URL_ROUTES: unique symbol = Symbol.for("channels-ts.url-routes") as never;

/**
 * Marks `app` as routing the rest of the path. Middleware that wraps a `URLRouter` and is
 * itself routed by an outer `URLRouter` uses this, as Channels middleware sets
 * `_path_routing = True`. Returns `app` for chaining.
 */
export function markPathRouting<A extends Application<never>>(app: A): A {
  if (!isPathRouting(app)) Object.defineProperty(app, PATH_ROUTING, { value: true });
  return app;
}

export function isPathRouting(app: Application<never>): boolean {
  return (app as { [PATH_ROUTING]?: unknown })[PATH_ROUTING] === true;
}

/** The routes of `app` when it is a `URLRouter`, else `undefined`. */
export function urlRoutesOf(app: Application<never>): readonly Route[] | undefined {
  return (app as { [URL_ROUTES]?: readonly Route[] })[URL_ROUTES];
}
