"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configureRedis = configureRedis;
exports.watchRedis = watchRedis;
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
function configureRedis() {
    // #region redis
    core_1.channelLayers.configure({
        // channels_redis.core.RedisChannelLayer
        default: () => new redis_1.RedisChannelLayer({
            hosts: ["redis://127.0.0.1:6379"], // several hosts shard, as channels_redis does
            prefix: "asgi", // the same prefix as every peer, Python included
            capacity: 100,
            expiry: 60,
            groupExpiry: 86400,
            symmetricEncryptionKeys: process.env.LAYER_KEY === undefined ? undefined : [process.env.LAYER_KEY],
        }),
        // channels_redis.pubsub.RedisPubSubChannelLayer
        pubsub: () => new redis_1.RedisPubSubChannelLayer({ hosts: ["redis://127.0.0.1:6379"] }),
    });
    // #endregion redis
}
function watchRedis() {
    // #region events
    const layer = new redis_1.RedisChannelLayer({ hosts: [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"] });
    layer.on("down", ({ host, error }) => console.warn(`Redis ${host} is down: ${error?.message ?? "closed"}`));
    layer.on("up", ({ host }) => console.info(`Redis ${host} is back; memberships restored`));
    core_1.channelLayers.configure({ default: layer });
    // #endregion events
    return layer;
}
//# sourceMappingURL=redis.js.map