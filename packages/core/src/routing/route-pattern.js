"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileRoutePattern = compileRoutePattern;
const converters_1 = require("./converters");
const routing_errors_1 = require("./routing-errors");
/** Django's `_PATH_PARAMETER_COMPONENT_RE`: `<converter:name>` or `<name>`. */
const PARAMETER = /<(?:([^>:]+):)?([^>]+)>/g;
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/g;
/**
 * Compiles a Django `path()` route such as `"chat/<str:room>/"` into a matcher. An endpoint
 * must match the whole path; a non-endpoint (a route to a nested router) matches a prefix.
 */
function compileRoutePattern(route, endpoint) {
    if (route.startsWith("/")) {
        throw new routing_errors_1.InvalidRoute(route, `starts with "/", so it can never match: routes are matched against the path without its leading slash. Write ${JSON.stringify(route.replace(/^\/+/, ""))}.`);
    }
    const params = [];
    let source = "^";
    let last = 0;
    for (const m of route.matchAll(PARAMETER)) {
        source += escapeLiteral(route, route.slice(last, m.index)) + parameterGroup(route, m, params);
        last = m.index + m[0].length;
    }
    source += escapeLiteral(route, route.slice(last));
    if (params.length === 0)
        return literalMatcher(route, endpoint);
    // Most routes differ in their literal start; a string check rejects them before the regex runs.
    const prefix = route.slice(0, route.indexOf("<"));
    if (endpoint)
        source += "$";
    let regex;
    try {
        regex = new RegExp(source, "u");
    }
    catch (error) {
        throw new routing_errors_1.InvalidRoute(route, `does not compile to a valid regular expression: ${error.message}`, {
            cause: error,
        });
    }
    return function matchRoute(path) {
        if (!path.startsWith(prefix))
            return undefined;
        const m = regex.exec(path);
        if (m === null)
            return undefined;
        const groups = m.groups;
        const kwargs = {};
        for (const { name, toValue } of params) {
            const raw = groups[name];
            if (toValue === undefined)
                kwargs[name] = raw;
            else {
                try {
                    kwargs[name] = toValue(raw);
                }
                catch {
                    return undefined;
                }
            }
        }
        return { remaining: path.slice(m[0].length), args: [], kwargs };
    };
}
function parameterGroup(route, m, params) {
    const [whole, converterName = "str", name = ""] = m;
    if (/\s/u.test(whole))
        throw new routing_errors_1.InvalidRoute(route, `cannot contain whitespace in angle brackets: ${whole}.`);
    if (!IDENTIFIER.test(name) || name === "__proto__") {
        throw new routing_errors_1.InvalidRoute(route, `uses parameter name ${JSON.stringify(name)}, which isn't a valid identifier.`);
    }
    if (params.some((p) => p.name === name)) {
        throw new routing_errors_1.InvalidRoute(route, `uses parameter name ${JSON.stringify(name)} more than once; give each parameter its own name.`);
    }
    const converter = (0, converters_1.getConverter)(converterName);
    if (converter === undefined) {
        throw new routing_errors_1.InvalidRoute(route, `uses invalid converter ${JSON.stringify(converterName)}; known converters are ${(0, converters_1.converterNames)().join(", ")}. ` +
            "Register it with registerConverter() before defining the route.");
    }
    params.push({ name, toValue: converter.toValue });
    return `(?<${name}>${converter.source})`;
}
function escapeLiteral(route, literal) {
    if (literal.includes("<") || literal.includes(">")) {
        throw new routing_errors_1.InvalidRoute(route, `has an unmatched "<" or ">" in ${JSON.stringify(literal)}; parameters are written <converter:name>.`);
    }
    return literal.replace(REGEX_SYNTAX, "\\$&");
}
/** Without parameters a route is plain text: compare strings, as Django does. */
function literalMatcher(route, endpoint) {
    if (endpoint) {
        return (path) => (path === route ? { remaining: "", args: [], kwargs: {} } : undefined);
    }
    return (path) => (path.startsWith(route) ? { remaining: path.slice(route.length), args: [], kwargs: {} } : undefined);
}
//# sourceMappingURL=route-pattern.js.map