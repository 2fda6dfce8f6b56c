"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AllowedHostsOriginValidator = AllowedHostsOriginValidator;
const origin_pattern_1 = require("./origin-pattern");
const origin_validator_1 = require("./origin-validator");
const scope_headers_1 = require("./scope-headers");
const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[^\s:/?#@[\]]+)(?::(\d{1,5}))?$/;
/**
 * Refuses cross-site WebSocket handshakes (Channels' `AllowedHostsOriginValidator`).
 *
 * With `allowedHosts`, the Origin's host must match one of them, as Django's ALLOWED_HOSTS
 * reads them: "example.com", ".example.com" (and subdomains), "*".
 * Without it, the Origin must be the request's own Host: same host and same port, where a
 * Host without a port means the default port of the Origin's scheme (a browser leaves the
 * port out exactly when it is the default). A missing or repeated Host refuses the handshake.
 */
function AllowedHostsOriginValidator(inner, allowedHosts) {
    const check = allowedHosts === undefined ? sameHost : (0, origin_validator_1.patternCheck)((0, origin_pattern_1.compileOriginPatterns)(allowedHosts));
    return (0, origin_validator_1.originGate)(inner, check, "allowedHostsOriginValidator");
}
function sameHost(origin, scope) {
    if (origin === null)
        return false;
    const hosts = (0, scope_headers_1.headerValues)(scope, "host");
    const match = hosts.length === 1 ? HOST_HEADER.exec(hosts[0]) : null;
    if (match === null)
        return false;
    const port = match[2] === undefined ? (0, origin_pattern_1.defaultPort)(origin.scheme) : Number(match[2]);
    return (0, origin_pattern_1.normalizeHost)(match[1]) === origin.hostname && port === origin.port;
}
//# sourceMappingURL=allowed-hosts-origin-validator.js.map