"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_HOST = void 0;
exports.normalizeHosts = normalizeHosts;
exports.createClient = createClient;
exports.describeHost = describeHost;
const ioredis_1 = __importDefault(require("ioredis"));
const SENTINEL_KWARGS = ["password", "username", "ssl"];
exports.DEFAULT_HOST = "redis://localhost:6379";
/** Check `hosts` up front, as channels_redis does, so a bare string is an error naming the fix. */
function normalizeHosts(hosts) {
    if (hosts === undefined || hosts.length === 0)
        return [exports.DEFAULT_HOST];
    if (typeof hosts === "string") {
        throw new TypeError(`hosts must be a list of Redis hosts, even for one: use hosts: [${JSON.stringify(hosts)}].`);
    }
    hosts.forEach(checkSentinelHost);
    return hosts;
}
/** A Sentinel host must name its master and list its Sentinels; caught here rather than as a hang at connect. */
function checkSentinelHost(host, index) {
    if (typeof host === "string" || isHostPort(host))
        return;
    const { sentinels, master_name: masterName, name, sentinel_kwargs: kwargs } = host;
    const where = `hosts[${index}]`;
    if (sentinels === undefined) {
        if (masterName !== undefined || kwargs !== undefined)
            throw new TypeError(`${where} has ${masterName !== undefined ? "master_name" : "sentinel_kwargs"} but no sentinels: ` +
                `add sentinels: [["sentinel-host", 26379]].`);
        return;
    }
    if (!Array.isArray(sentinels) || sentinels.length === 0)
        throw new TypeError(`${where}.sentinels must list at least one Sentinel, e.g. [["127.0.0.1", 26379]].`);
    sentinels.forEach((sentinel, i) => {
        const ok = Array.isArray(sentinel)
            ? sentinel.length === 2 && typeof sentinel[0] === "string" && Number.isInteger(sentinel[1])
            : typeof sentinel === "object" && sentinel !== null;
        if (!ok)
            throw new TypeError(`${where}.sentinels[${i}] is ${JSON.stringify(sentinel)}: use a [host, port] pair or { host, port }.`);
    });
    if ((masterName ?? name) === undefined)
        throw new TypeError(`${where} lists sentinels but no master_name: add the master group's name, e.g. "mymaster".`);
    if (kwargs !== undefined) {
        for (const key of Object.keys(kwargs))
            if (!SENTINEL_KWARGS.includes(key))
                throw new TypeError(`${where}.sentinel_kwargs has ${JSON.stringify(key)}, which is not supported: use ${SENTINEL_KWARGS.join(", ")}.`);
    }
}
/**
 * ioredis's disconnect() ends the socket and destroys it if it is still open after
 * `disconnectTimeout`; on a socket that had already closed (a host that is down) that timer runs
 * its whole length and keeps the process alive after close(). The layer reads nothing after
 * disconnecting, so it does not wait the default 2 s. A host's own `disconnectTimeout` wins.
 */
const DISCONNECT_TIMEOUT_MS = 100;
/** A new, not yet connected client for `host`. */
function createClient(host, policy, extra = {}) {
    const options = {
        lazyConnect: true,
        retryStrategy: (times) => Math.min(policy.reconnectMinDelayMs * 2 ** Math.min(times - 1, 16), policy.reconnectMaxDelayMs),
        ...extra,
    };
    const defaults = { disconnectTimeout: DISCONNECT_TIMEOUT_MS };
    if (typeof host === "string")
        return new ioredis_1.default(host, { ...defaults, ...options });
    if (isHostPort(host))
        return new ioredis_1.default({ host: host[0], port: host[1], ...defaults, ...options });
    const { address, master_name: masterName, sentinels, sentinel_kwargs: kwargs, ...rest } = host;
    const sentinel = sentinels === undefined ? {} : sentinelOptions(sentinels, masterName ?? rest.name, kwargs);
    const merged = { ...defaults, ...sentinel, ...rest, ...options };
    return address === undefined ? new ioredis_1.default(merged) : new ioredis_1.default(address, merged);
}
/** ioredis's spelling of channels_redis's Sentinel host (`sentinels`, `master_name`, `sentinel_kwargs`). */
function sentinelOptions(sentinels, name, kwargs) {
    const options = {
        name,
        // Reconnect as soon as a Sentinel announces +switch-master, not when the old master, demoted
        // up to 10 s later, closes its clients: writes in between would go to a master on its way out.
        failoverDetector: true,
        // When no Sentinel answers, fail the attempt (the layer reports the host down and retries with
        // its own backoff) instead of ioredis retrying inside connect(), where nothing would say so.
        sentinelRetryStrategy: () => null,
        sentinels: sentinels.map((sentinel) => isHostPort(sentinel) ? { host: sentinel[0], port: sentinel[1] } : { ...sentinel }),
    };
    if (kwargs?.password !== undefined)
        options.sentinelPassword = kwargs.password;
    if (kwargs?.username !== undefined)
        options.sentinelUsername = kwargs.username;
    if (kwargs?.ssl !== undefined && kwargs.ssl !== false)
        options.sentinelTLS = kwargs.ssl === true ? {} : kwargs.ssl;
    return options;
}
/** A short printable name for logs and events (no password). */
function describeHost(host) {
    if (typeof host === "string")
        return host.replace(/\/\/[^@/]*@/, "//");
    if (isHostPort(host))
        return `${host[0]}:${host[1]}`;
    if (host.sentinels !== undefined) {
        const sentinels = host.sentinels.map((s) => isHostPort(s) ? `${s[0]}:${s[1]}` : `${s.host ?? "localhost"}:${s.port ?? 26379}`);
        return `${host.master_name ?? host.name ?? "?"} (sentinels ${sentinels.join(", ")})`;
    }
    if (host.address !== undefined)
        return host.address.replace(/\/\/[^@/]*@/, "//");
    return `${host.host ?? "localhost"}:${host.port ?? 6379}`;
}
function isHostPort(host) {
    return Array.isArray(host);
}
//# sourceMappingURL=hosts.js.map