"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.path = path;
exports.rePath = rePath;
const application_check_1 = require("./application-check");
const path_routing_1 = require("./path-routing");
const routing_errors_1 = require("./routing-errors");
const regex_pattern_1 = require("./regex-pattern");
const route_pattern_1 = require("./route-pattern");
/**
 * A route in Django `path()` syntax: `"chat/<str:room>/"`, `"year/<int:year>/"`, `"<name>/"`.
 * Written without the leading slash; `int` captures arrive as numbers. As Django's
 * `path(route, view, kwargs=None, name=None)`: `kwargs` are added to `scope.url_route.kwargs`
 * (winning over captures), `name` is kept for introspection.
 */
function path(route, app, kwargs, name) {
    const where = `path(${JSON.stringify(route)})`;
    (0, application_check_1.assertApplication)(where, app);
    const endpoint = !(0, path_routing_1.isPathRouting)(app);
    return makeRoute(where, route, app, kwargs, name, endpoint, (0, route_pattern_1.compileRoutePattern)(route, endpoint));
}
/**
 * A route as a regular expression (Django's `re_path()`). A string is Python `re` syntax, so
 * patterns copy over unchanged: String.raw`^room/(?P<group>\w+)/$`. A `RegExp` is used as is.
 */
function rePath(regex, app, kwargs, name) {
    const display = typeof regex === "string" ? regex : String(regex);
    const where = `rePath(${JSON.stringify(display)})`;
    (0, application_check_1.assertApplication)(where, app);
    const endpoint = !(0, path_routing_1.isPathRouting)(app);
    return makeRoute(where, display, app, kwargs, name, endpoint, (0, regex_pattern_1.compileRegexPattern)(regex, endpoint));
}
function makeRoute(where, pattern, app, kwargs, name, endpoint, match) {
    // Checked here as well as by the types, so a JavaScript caller (or a cast) gets an error, not a dropped value.
    if (kwargs !== undefined && (typeof kwargs !== "object" || kwargs === null || Array.isArray(kwargs))) {
        throw new routing_errors_1.InvalidRoute(pattern, `was given kwargs ${describe(kwargs)}; ${where} takes a plain object of kwargs.`);
    }
    if (Object.hasOwn(kwargs ?? {}, "kwargs")) {
        throw new routing_errors_1.InvalidRoute(pattern, `was given { kwargs: ... }; ${where} takes the kwargs themselves as its third argument, as Django's ` +
            `path(route, view, kwargs): write ${where.slice(0, -1)}, app, { room: "lobby" }).`);
    }
    if (name !== undefined && typeof name !== "string") {
        throw new routing_errors_1.InvalidRoute(pattern, `was given name ${describe(name)}; ${where} takes the route's name as a string.`);
    }
    const frozen = kwargs === undefined ? undefined : Object.freeze({ ...kwargs });
    return Object.freeze({ pattern, app: app, kwargs: frozen, name, endpoint, match });
}
function describe(value) {
    if (Array.isArray(value))
        return "an array";
    return typeof value === "object" && value !== null ? "an object" : `${String(value)} (${typeof value})`;
}
//# sourceMappingURL=route.js.map