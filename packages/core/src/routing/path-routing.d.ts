import type { Application } from "../types";
import type { Route } from "./route";
/**
 * Marks an application that routes the rest of the path itself (Channels' `_path_routing`).
 * A route to such an application is matched as a prefix rather than anchored at the end,
 * and the application reads the unmatched remainder from `scope.path_remaining`.
 * `Symbol.for` so two copies of this package still recognise each other's routers.
 */
export declare const PATH_ROUTING: unique symbol;
/** Where a `URLRouter` keeps its routes, so an outer router can resolve through it directly. */
export declare const URL_ROUTES: unique symbol;
/**
 * Marks `app` as routing the rest of the path. Middleware that wraps a `URLRouter` and is
 * itself routed by an outer `URLRouter` uses this, as Channels middleware sets
 * `_path_routing = True`. Returns `app` for chaining.
 */
export declare function markPathRouting<A extends Application<never>>(app: A): A;
export declare function isPathRouting(app: Application<never>): boolean;
/** The routes of `app` when it is a `URLRouter`, else `undefined`. */
export declare function urlRoutesOf(app: Application<never>): readonly Route[] | undefined;
