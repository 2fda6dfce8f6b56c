"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.originGate = originGate;
exports.patternCheck = patternCheck;
exports.OriginValidator = OriginValidator;
const deny_websocket_1 = require("./deny-websocket");
const origin_pattern_1 = require("./origin-pattern");
const scope_headers_1 = require("./scope-headers");
/**
 * Wraps `inner` so that only WebSocket handshakes passing `check` reach it; the rest are
 * refused by `denyWebsocket` without the application ever running. Several Origin headers
 * count as none: a browser sends exactly one.
 *
 * Other scope types pass through unchanged: the Origin check exists because browsers let any
 * page open a WebSocket to any site with the user's cookies attached (cross-site WebSocket
 * hijacking); for HTTP the same-origin policy and CORS are the mechanism, and belong in the
 * HTTP layer.
 */
function originGate(inner, check, name) {
    const gate = async (scope, receive, send) => {
        if (scope.type !== "websocket")
            return inner(scope, receive, send);
        const values = (0, scope_headers_1.headerValues)(scope, "origin");
        const origin = values.length === 1 ? (0, origin_pattern_1.parseOrigin)(values[0]) : null;
        if (check(origin, scope))
            return inner(scope, receive, send);
        return (0, deny_websocket_1.denyWebsocket)(scope, receive, send);
    };
    Object.defineProperty(gate, "name", { value: name });
    return gate;
}
/** The check for a list of allowed-origin patterns (see `compileOriginPatterns`). */
function patternCheck(matcher) {
    if (matcher.allowsAll)
        return () => true;
    return (origin) => origin !== null && matcher.matches(origin);
}
/**
 * Refuses WebSocket handshakes whose Origin header matches none of `allowedOrigins`
 * (channels.security.websocket.OriginValidator), e.g.
 * `OriginValidator(app, [".example.com", "http://localhost:8000"])`.
 * Patterns are compiled once here; a missing Origin is refused unless "*" is listed.
 */
function OriginValidator(inner, allowedOrigins) {
    return originGate(inner, patternCheck((0, origin_pattern_1.compileOriginPatterns)(allowedOrigins)), "originValidator");
}
//# sourceMappingURL=origin-validator.js.map