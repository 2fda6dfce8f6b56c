"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultPort = defaultPort;
exports.normalizeHost = normalizeHost;
exports.parseOrigin = parseOrigin;
exports.compileOriginPatterns = compileOriginPatterns;
const errors_1 = require("./errors");
const WITH_SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(.*?)\/?$/;
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[^\s:/?#@[\]*]+)(?::(\d{1,5}))?$/;
function defaultPort(scheme) {
    if (scheme === "http" || scheme === "ws")
        return 80;
    if (scheme === "https" || scheme === "wss")
        return 443;
    return null;
}
/** Lower-cases and drops a trailing dot, which DNS ignores ("example.com." is example.com). */
function normalizeHost(host) {
    const lower = host.toLowerCase();
    return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}
/**
 * Parses an Origin header value. Missing, empty, `null` (sandboxed frames, file: pages) and
 * unparsable values give null: they name no origin that a pattern could allow.
 */
function parseOrigin(value) {
    if (value === undefined || value === "" || value === "null")
        return null;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return null;
    }
    if (url.hostname === "")
        return null;
    const scheme = url.protocol.slice(0, -1);
    return {
        scheme,
        hostname: normalizeHost(url.hostname),
        port: url.port === "" ? defaultPort(scheme) : Number(url.port),
    };
}
/**
 * Compiles patterns as Channels' OriginValidator reads them: "*" allows every origin (even a
 * missing one); "example.com" that host under any scheme and port; ".example.com" that host
 * and its subdomains; "https://example.com:8443" (or "http://.example.com") also requires the
 * scheme and the port, which defaults from the scheme. A port on a bare host is ignored, as in
 * Channels. A pattern that can never match, such as "*.example.com", is rejected here.
 */
function compileOriginPatterns(patterns) {
    if (!Array.isArray(patterns)) {
        throw new errors_1.MiddlewareConfigError(`Allowed origins must be an array of strings, got ${String(patterns)}.`);
    }
    const allowsAll = patterns.includes("*");
    const compiled = allowsAll ? [] : patterns.map(compilePattern);
    return {
        allowsAll,
        matches(origin) {
            for (const pattern of compiled) {
                if (pattern.scheme !== null && (pattern.scheme !== origin.scheme || pattern.port !== origin.port))
                    continue;
                if (hostMatches(origin.hostname, pattern))
                    return true;
            }
            return allowsAll;
        },
    };
}
function compilePattern(raw) {
    const text = typeof raw === "string" ? raw.trim().toLowerCase() : "";
    const withScheme = WITH_SCHEME.exec(text);
    const scheme = withScheme ? withScheme[1] : null;
    let hostPort = withScheme ? withScheme[2] : text;
    const subdomains = hostPort.startsWith(".");
    if (subdomains)
        hostPort = hostPort.slice(1);
    const match = HOST_PORT.exec(hostPort);
    if (match === null) {
        throw new errors_1.MiddlewareConfigError(`Allowed origin ${JSON.stringify(raw)} is not a pattern: use "*", "example.com", ".example.com" (with subdomains) ` +
            `or "https://example.com:8443".`);
    }
    const port = match[2] === undefined ? (scheme === null ? null : defaultPort(scheme)) : Number(match[2]);
    return { scheme, port: scheme === null ? null : port, host: normalizeHost(match[1]), subdomains };
}
function hostMatches(hostname, pattern) {
    if (hostname === pattern.host)
        return true;
    return (pattern.subdomains &&
        hostname.length > pattern.host.length + 1 &&
        hostname.endsWith(pattern.host) &&
        hostname.charCodeAt(hostname.length - pattern.host.length - 1) === 46 // "."
    );
}
//# sourceMappingURL=origin-pattern.js.map