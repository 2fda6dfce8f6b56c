"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CookieMiddleware = CookieMiddleware;
const keep_path_routing_1 = require("./keep-path-routing");
const parse_cookies_1 = require("./parse-cookies");
const scope_headers_1 = require("./scope-headers");
/**
 * Parses the request's `Cookie` header(s) into `scope.cookies` (Channels' `CookieMiddleware`).
 * Several `Cookie` headers (HTTP/2 may split them) are read as one. A scope without headers
 * (lifespan, channel) gets an empty `cookies`, so a stack can wrap a whole protocol router.
 */
function CookieMiddleware(inner) {
    return (0, keep_path_routing_1.keepPathRouting)(inner, async function cookieMiddleware(scope, receive, send) {
        const values = (0, scope_headers_1.headerValues)(scope, "cookie");
        const cookies = (0, parse_cookies_1.parseCookies)(values.length === 1 ? values[0] : values.join("; "));
        return inner({ ...scope, cookies }, receive, send);
    });
}
//# sourceMappingURL=cookie-middleware.js.map