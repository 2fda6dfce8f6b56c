"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serverDefaults = void 0;
exports.resolveOptions = resolveOptions;
const errors_1 = require("./errors");
const logger_1 = require("./logger");
exports.serverDefaults = {
    host: "127.0.0.1",
    port: 8000,
    rootPath: "",
    maxPayload: 1024 * 1024,
    pingIntervalMs: 20_000,
    pongTimeoutMs: 20_000,
    acceptTimeoutMs: 5_000,
    closeTimeoutMs: 5_000,
    applicationCloseTimeoutMs: 10_000,
    maxBufferedBytes: 4 * 1024 * 1024,
    maxQueuedMessages: 64,
    shutdownTimeoutMs: 10_000,
    trustProxyHeaders: false,
    lifespan: "auto",
    accessLog: true,
    logger: logger_1.consoleLogger,
};
const positiveInt = (v) => typeof v === "number" && Number.isInteger(v) && v > 0 ? undefined : "a positive integer";
const nonNegativeInt = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0 ? undefined : "an integer >= 0";
const checks = {
    host: (v) => (typeof v === "string" && v.length > 0 ? undefined : "a non-empty host name or IP address"),
    port: (v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 65535
        ? undefined
        : "an integer port from 0 to 65535",
    rootPath: (v) => typeof v === "string" && (v === "" || (v.startsWith("/") && !v.endsWith("/")))
        ? undefined
        : 'a path starting with "/" and not ending with "/" (or "")',
    maxPayload: positiveInt,
    pingIntervalMs: nonNegativeInt,
    pongTimeoutMs: positiveInt,
    acceptTimeoutMs: positiveInt,
    closeTimeoutMs: positiveInt,
    applicationCloseTimeoutMs: nonNegativeInt,
    maxBufferedBytes: positiveInt,
    maxQueuedMessages: positiveInt,
    shutdownTimeoutMs: nonNegativeInt,
    trustProxyHeaders: (v) => (typeof v === "boolean" ? undefined : "true or false"),
    lifespan: (v) => (v === "auto" || v === "on" || v === "off" ? undefined : '"auto", "on" or "off"'),
    accessLog: (v) => (typeof v === "boolean" ? undefined : "true or false"),
    logger: (v) => typeof v === "object" &&
        v !== null &&
        ["info", "warn", "error", "debug"].every((m) => typeof v[m] === "function")
        ? undefined
        : "an object with info, warn, error and debug methods (pino's logger fits)",
};
const attachOnly = {
    paths: (v) => typeof v === "function" || (Array.isArray(v) && v.every((p) => typeof p === "string" && p.startsWith("/")))
        ? undefined
        : 'an array of paths starting with "/" or a function (path) => boolean',
    http: (v) => (typeof v === "boolean" ? undefined : "true or false"),
};
function describe(value) {
    if (typeof value === "function")
        return "a function";
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}
/**
 * Spreads `options` over the defaults and rejects, naming the option, anything unknown (a typo
 * would otherwise silently fall back to a default), out of range, or in conflict.
 */
function resolveOptions(options, kind) {
    const given = options;
    for (const [name, value] of Object.entries(given)) {
        if (value === undefined)
            continue;
        if (kind === "attach" && (name === "host" || name === "port")) {
            throw new errors_1.InvalidServerOption(name, `attach() does not take option ${name}: it serves on the server you pass, so set ${name} where that server listens.`);
        }
        if (kind === "attach" && name === "lifespan") {
            throw new errors_1.InvalidServerOption(name, "attach() does not take option lifespan: the host server owns startup and shutdown, so run your startup code before it listens.");
        }
        const check = checks[name] ?? (kind === "attach" ? attachOnly[name] : undefined);
        if (check === undefined) {
            const known = [...Object.keys(checks), ...(kind === "attach" ? Object.keys(attachOnly) : [])].join(", ");
            throw new errors_1.InvalidServerOption(name, `Unknown ${kind}() option ${name}; the options are: ${known}.`);
        }
        const expected = check(value);
        if (expected !== undefined) {
            throw new errors_1.InvalidServerOption(name, `Invalid option ${name}: expected ${expected}, got ${describe(value)}.`);
        }
    }
    const resolved = { ...exports.serverDefaults };
    for (const key of Object.keys(checks)) {
        if (given[key] !== undefined)
            resolved[key] = given[key];
    }
    if (resolved.pingIntervalMs === 0 && given.pongTimeoutMs !== undefined) {
        throw new errors_1.InvalidServerOption("pongTimeoutMs", "Options pongTimeoutMs and pingIntervalMs: 0 conflict: without pings there is no pong to wait for; " +
            "drop pongTimeoutMs or set pingIntervalMs > 0.");
    }
    return resolved;
}
//# sourceMappingURL=options.js.map