"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = void 0;
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
const consumer_1 = require("./consumer");
const page_1 = require("./page");
// #region layer
function layerFromEnv() {
    const kind = process.env.CHANNEL_LAYER ?? "memory";
    const hosts = [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"];
    if (kind === "memory")
        return new core_1.InMemoryChannelLayer();
    if (kind === "redis")
        return new redis_1.RedisChannelLayer({ hosts });
    if (kind === "redis-pubsub")
        return new redis_1.RedisPubSubChannelLayer({ hosts });
    throw new Error(`CHANNEL_LAYER=${kind} is not one of memory, redis, redis-pubsub.`);
}
core_1.channelLayers.configure({ default: layerFromEnv() });
// #endregion layer
exports.application = (0, core_1.ProtocolTypeRouter)({
    http: (0, core_1.URLRouter)([(0, core_1.path)("", page_1.IndexPage.asApp())]),
    websocket: (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^room/(?P<group>\w+)/$`, consumer_1.ChatConsumer.asApp())]),
});
//# sourceMappingURL=application.js.map