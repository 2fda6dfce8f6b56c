"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_REDIS_URL = exports.DEFAULT_PORT = exports.DEFAULT_HOST = exports.LAYER_KINDS = void 0;
exports.readChatEnvironment = readChatEnvironment;
exports.readLayerSettings = readLayerSettings;
const node_net_1 = require("node:net");
const invalid_environment_1 = require("./invalid-environment");
/** The layers `CHANNEL_LAYER` may name. */
exports.LAYER_KINDS = ["memory", "redis", "redis-pubsub"];
exports.DEFAULT_HOST = "127.0.0.1";
exports.DEFAULT_PORT = 8000;
exports.DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
/**
 * Reads and checks the chat's environment at once, so a typo stops the process at startup with
 * an `InvalidEnvironment` naming the variable, instead of surfacing as errors on every request.
 * An empty value counts as unset (`PORT= npm start` is `npm start`).
 */
function readChatEnvironment(env = process.env) {
    return { host: readHost(env), port: readPort(env), layer: readLayerSettings(env), accessLog: readAccessLog(env) };
}
/** `CHANNEL_LAYER` and, for the Redis layers, `REDIS_URL`. */
function readLayerSettings(env = process.env) {
    const kind = valueOf(env, "CHANNEL_LAYER") ?? "memory";
    if (!isLayerKind(kind)) {
        throw new invalid_environment_1.InvalidEnvironment("CHANNEL_LAYER", kind, "is not a layer kind", `use one of ${exports.LAYER_KINDS.join(", ")}`);
    }
    if (kind === "memory")
        return { kind };
    // REDIS_URL is checked only when a Redis layer will use it.
    return { kind, redisUrl: checkRedisUrl(valueOf(env, "REDIS_URL") ?? exports.DEFAULT_REDIS_URL) };
}
// The CLI's spellings of ACCESS_LOG.
const SWITCH_VALUES = {
    1: true,
    true: true,
    yes: true,
    on: true,
    0: false,
    false: false,
    no: false,
    off: false,
};
function readAccessLog(env) {
    const value = valueOf(env, "ACCESS_LOG");
    if (value === undefined)
        return true;
    const on = SWITCH_VALUES[value.toLowerCase()];
    if (on === undefined) {
        throw new invalid_environment_1.InvalidEnvironment("ACCESS_LOG", value, "is not on or off", "use ACCESS_LOG=1 or ACCESS_LOG=0");
    }
    return on;
}
function readPort(env) {
    const value = valueOf(env, "PORT");
    if (value === undefined)
        return exports.DEFAULT_PORT;
    const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
    if (!(port <= 65535)) {
        throw new invalid_environment_1.InvalidEnvironment("PORT", value, "is not a port number", "use an integer from 0 to 65535 (0 picks a free port), e.g. PORT=8000");
    }
    return port;
}
// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
function readHost(env) {
    const value = valueOf(env, "HOST");
    if (value === undefined)
        return exports.DEFAULT_HOST;
    if ((0, node_net_1.isIP)(value) !== 0 || HOST_NAME.test(value))
        return value;
    const fix = /^\[.*\]$/.test(value)
        ? `write an IPv6 address without brackets, e.g. HOST=${value.slice(1, -1)}`
        : /:\d+$/.test(value) && (0, node_net_1.isIP)(value) === 0
            ? "give the port in PORT, not in HOST, e.g. HOST=127.0.0.1 PORT=8000"
            : "use an IP address or a host name, e.g. HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface)";
    throw new invalid_environment_1.InvalidEnvironment("HOST", value, "is not an address to listen on", fix);
}
const REDIS_URL_FIX = "use redis://[:password@]host[:port][/db] (rediss:// for TLS), e.g. REDIS_URL=redis://127.0.0.1:6379";
/** A URL ioredis reads as the Redis the user meant (it takes anything else for a socket path or a default). */
function checkRedisUrl(value) {
    const bad = (problem) => new invalid_environment_1.InvalidEnvironment("REDIS_URL", value, problem, REDIS_URL_FIX);
    const port = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*)/i.exec(value)?.[1];
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
        throw bad(`has port ${JSON.stringify(port)}, not a number from 1 to 65535`);
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw bad("is not a URL");
    }
    if (url.protocol !== "redis:" && url.protocol !== "rediss:")
        throw bad(`is not a Redis URL (scheme ${url.protocol})`);
    if (url.hostname === "")
        throw bad("names no host");
    if (!/^(?:\/\d*)?$/.test(url.pathname))
        throw bad(`has path ${JSON.stringify(url.pathname)}; the path is a database number`);
    return value;
}
function valueOf(env, name) {
    const value = env[name];
    return value === undefined || value === "" ? undefined : value;
}
function isLayerKind(value) {
    return exports.LAYER_KINDS.includes(value);
}
//# sourceMappingURL=environment.js.map