"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.URL_ROUTES = exports.PATH_ROUTING = void 0;
exports.markPathRouting = markPathRouting;
exports.isPathRouting = isPathRouting;
exports.urlRoutesOf = urlRoutesOf;
/**
 * Marks an application that routes the rest of the path itself (Channels' `_path_routing`).
 * A route to such an application is matched as a prefix rather than anchored at the end,
 * and the application reads the unmatched remainder from `scope.path_remaining`.
 * `Symbol.for` so two copies of this package still recognise each other's routers.
 */
exports.PATH_ROUTING = Symbol.for("channels-ts.path-routing");
/** Where a `URLRouter` keeps its routes, so an outer router can resolve through it directly. */
exports.URL_ROUTES = Symbol.for("channels-ts.url-routes");
/**
 * Marks `app` as routing the rest of the path. Middleware that wraps a `URLRouter` and is
 * itself routed by an outer `URLRouter` uses this, as Channels middleware sets
 * `_path_routing = True`. Returns `app` for chaining.
 */
function markPathRouting(app) {
    if (!isPathRouting(app))
        Object.defineProperty(app, exports.PATH_ROUTING, { value: true });
    return app;
}
function isPathRouting(app) {
    return app[exports.PATH_ROUTING] === true;
}
/** The routes of `app` when it is a `URLRouter`, else `undefined`. */
function urlRoutesOf(app) {
    return app[exports.URL_ROUTES];
}
//# sourceMappingURL=path-routing.js.map