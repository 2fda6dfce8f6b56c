"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportLayerStatus = reportLayerStatus;
/**
 * Connects a Redis layer now and reports, one line each, that it is connected, that its Redis
 * cannot be reached (at startup: a wrong REDIS_URL or a Redis not started) or went down, and
 * that it is back. The layer keeps retrying on its own; the process stays up meanwhile.
 */
function reportLayerStatus(layer, settings, log = console) {
    if (settings.kind === "memory")
        return;
    const redis = layer;
    let reported = false;
    redis.on("down", ({ host, error, firstConnection }) => {
        reported = true;
        log.warn(firstConnection
            ? `chat: Redis ${host} is unreachable (${error.message}); start it or fix REDIS_URL. ` +
                "Retrying; WebSocket clients are closed with 1013 until it is up."
            : `chat: Redis ${host} went down (${error.message}); reconnecting.`);
    });
    redis.on("up", ({ host }) => log.info(`chat: Redis ${host} is up.`));
    redis.connect().then(() => {
        if (!reported)
            log.info(`chat: connected to Redis ${settings.redisUrl}.`);
    }, () => undefined);
}
//# sourceMappingURL=layer-status.js.map