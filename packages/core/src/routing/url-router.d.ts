import type { Application } from "../types";
import { PATH_ROUTING, URL_ROUTES } from "./path-routing";
import type { Route } from "./route";
/** A `URLRouter`: an application that also exposes its routes, so outer routers can see through it. */
export interface URLRouterApplication extends Application {
    readonly [URL_ROUTES]: readonly Route[];
    readonly [PATH_ROUTING]: true;
}
/**
 * Routes on the path (Channels' `URLRouter`): the first route that matches gets a copy of
 * the scope with `url_route = { args, kwargs }` (merged with any outer router's) and
 * `path_remaining`. The outermost router removes `root_path` first; routes are written
 * without the leading slash. A nested `URLRouter` is resolved in place, and when none of
 * its routes match, the search continues with the outer router's next route.
 * No match rejects with `RouteNotFound`.
 */
export declare function URLRouter(routes: readonly Route[]): URLRouterApplication;
export declare function isURLRouter(app: Application<never>): app is URLRouterApplication;
