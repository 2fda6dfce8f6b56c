"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisHostUnavailable = void 0;
const core_1 = require("@channels-ts/core");
/**
 * A layer operation gave up on a Redis host: either the host has not been reached since the
 * layer started (`downForMs` undefined: operations fail at once rather than wait for a Redis
 * that may not exist), or it stayed unreachable for `operationTimeoutMs` after an outage. Until
 * the host is back, further operations that need it fail at once with this error rather than
 * queueing behind a connection that may never return. The layer keeps reconnecting meanwhile.
 */
class RedisHostUnavailable extends core_1.ChannelsError {
    host;
    /** How long the host had been down when the layer gave up on it; undefined if it was never reached. */
    downForMs;
    constructor(host, downForMs, cause) {
        const why = cause ? ` (${cause.message})` : "";
        super(core_1.ErrorCode.REDIS_HOST_UNAVAILABLE, downForMs === undefined
            ? `Redis host ${host} is unreachable${why}; start it or fix the layer's hosts option ` +
                "(the layer keeps retrying; operations fail at once until it is up)."
            : `Redis host ${host} has been unreachable for ${downForMs} ms${why}; ` +
                "start it or fix the layer's hosts option, or raise operationTimeoutMs to wait longer.", 
        // 1013 "try again later": the layer reconnects on its own, so a client may well succeed soon.
        { closeCode: 1013, ...(cause ? { cause } : {}) });
        this.host = host;
        this.downForMs = downForMs;
    }
}
exports.RedisHostUnavailable = RedisHostUnavailable;
//# sourceMappingURL=redis-host-unavailable.js.map