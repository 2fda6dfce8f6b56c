"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.URLRouter = URLRouter;
exports.isURLRouter = isURLRouter;
const errors_1 = require("../errors");
const path_routing_1 = require("./path-routing");
const routing_errors_1 = require("./routing-errors");
const EMPTY_ARGS = Object.freeze([]);
const EMPTY_KWARGS = Object.freeze({});
/**
 * Routes on the path (Channels' `URLRouter`): the first route that matches gets a copy of
 * the scope with `url_route = { args, kwargs }` (merged with any outer router's) and
 * `path_remaining`. The outermost router removes `root_path` first; routes are written
 * without the leading slash. A nested `URLRouter` is resolved in place, and when none of
 * its routes match, the search continues with the outer router's next route.
 * No match rejects with `RouteNotFound`.
 */
function URLRouter(routes) {
    const table = Object.freeze(routes.map(checkRoute));
    // Not async on the common path: the route's own promise is returned as it is, so a connection
    // holds no extra promise per router level. Path-routing middleware (which can only say "no
    // route" by rejecting) is retried past in `routeAfterMiddleware`.
    function urlRouter(scope, receive, send) {
        try {
            const nested = typeof scope.path_remaining === "string";
            const routed = nested ? stripLeadingSlashes(scope.path_remaining) : routedPath(scope);
            const outer = scope.url_route;
            const outerArgs = outer?.args ?? EMPTY_ARGS;
            const outerKwargs = outer?.kwargs ?? EMPTY_KWARGS;
            const hit = findRoute(table, routed, outerArgs, outerKwargs, { skip: 0 });
            if (hit === undefined)
                throw routeNotFound(scope, routed);
            if (!(0, path_routing_1.isPathRouting)(hit.app))
                return Promise.resolve(hit.app(innerScope(scope, hit), receive, send));
            return routeAfterMiddleware(scope, routed, outerArgs, outerKwargs, receive, send);
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    async function routeAfterMiddleware(scope, routed, outerArgs, outerKwargs, receive, send) {
        for (let skip = 0;; skip++) {
            const hit = findRoute(table, routed, outerArgs, outerKwargs, { skip });
            if (hit === undefined)
                throw routeNotFound(scope, routed);
            if (!(0, path_routing_1.isPathRouting)(hit.app))
                return hit.app(innerScope(scope, hit), receive, send);
            try {
                return await hit.app(innerScope(scope, hit), receive, send);
            }
            catch (error) {
                if (!(error instanceof errors_1.RouteNotFound))
                    throw error;
            }
        }
    }
    Object.defineProperty(urlRouter, path_routing_1.URL_ROUTES, { value: table });
    Object.defineProperty(urlRouter, path_routing_1.PATH_ROUTING, { value: true });
    Object.defineProperty(urlRouter, "name", { value: "URLRouter" });
    return urlRouter;
}
/**
 * The route's copy of the scope. `Object.assign` onto a fresh object rather than a spread: in
 * Node 20 every spread copy of a large scope gets a hidden class of its own (about 400 bytes per
 * connection), assign-built copies share one. A scope has no own `__proto__` key (servers and
 * communicators build it), so assigning cannot change the copy's prototype.
 */
function innerScope(scope, hit) {
    return Object.assign({}, scope, { path_remaining: hit.remaining, url_route: { args: hit.args, kwargs: hit.kwargs } });
}
function isURLRouter(app) {
    return (0, path_routing_1.urlRoutesOf)(app) !== undefined;
}
function findRoute(routes, path, args, kwargs, state) {
    for (const route of routes) {
        const m = route.match(path);
        if (m === undefined)
            continue;
        const allArgs = args.length === 0 ? m.args : args.concat(m.args);
        const captured = route.kwargs === undefined ? m.kwargs : Object.assign(m.kwargs, route.kwargs);
        const allKwargs = isEmpty(kwargs) ? captured : Object.assign({}, kwargs, captured);
        const inner = (0, path_routing_1.urlRoutesOf)(route.app);
        if (inner !== undefined) {
            const hit = findRoute(inner, stripLeadingSlashes(m.remaining), allArgs, allKwargs, state);
            if (hit !== undefined)
                return hit;
            continue;
        }
        if (state.skip > 0) {
            state.skip--;
            continue;
        }
        return { app: route.app, remaining: m.remaining, args: allArgs, kwargs: allKwargs };
    }
    return undefined;
}
/** The outermost router's view of the path: `root_path` removed, then leading slashes (Channels' `lstrip("/")`). */
function routedPath(scope) {
    const path = scope.path;
    if (typeof path !== "string") {
        throw new routing_errors_1.ScopeKeyMissing("URLRouter", "path", scope.type, "URLRouter routes 'http' and 'websocket' scopes; put it under ProtocolTypeRouter({ websocket: URLRouter([...]) }).");
    }
    const root = scope.root_path;
    if (typeof root !== "string" || root === "")
        return stripLeadingSlashes(path);
    if (!isUnder(path, root)) {
        throw new errors_1.RouteNotFound(path, `No route found for path ${JSON.stringify(path)}: it is not under root_path ${JSON.stringify(root)}.`);
    }
    return stripLeadingSlashes(path.slice(root.length));
}
/** Unlike Channels' plain `startswith`, "/rootfoo" is not under "/root". */
function isUnder(path, root) {
    return path.startsWith(root) && (path.length === root.length || root.endsWith("/") || path[root.length] === "/");
}
function stripLeadingSlashes(path) {
    let i = 0;
    while (path.charCodeAt(i) === 47)
        i++;
    return i === 0 ? path : path.slice(i);
}
function routeNotFound(scope, routed) {
    const path = typeof scope.path === "string" ? scope.path : routed;
    return new errors_1.RouteNotFound(path, `No route found for path ${JSON.stringify(path)}; add a path() or rePath() entry matching ${JSON.stringify(routed)} to the URLRouter.`);
}
function checkRoute(route, index) {
    if (route === null || typeof route !== "object" || typeof route.match !== "function") {
        throw new routing_errors_1.InvalidRoute(String(route), `is entry ${index} of URLRouter([...]) and is not a route; make entries with path() or rePath().`);
    }
    return route;
}
function isEmpty(record) {
    for (const _ in record)
        return false;
    return true;
}
//# sourceMappingURL=url-router.js.map