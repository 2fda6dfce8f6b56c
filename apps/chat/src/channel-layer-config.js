"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LAYER_KINDS = void 0;
exports.layerFromSettings = layerFromSettings;
exports.layerFromEnv = layerFromEnv;
exports.configureChannelLayers = configureChannelLayers;
const core_1 = require("@channels-ts/core");
const environment_1 = require("./environment");
var environment_2 = require("./environment");
Object.defineProperty(exports, "LAYER_KINDS", { enumerable: true, get: function () { return environment_2.LAYER_KINDS; } });
/** The layer `settings` describe: in memory, or a Redis layer on `redisUrl`. */
function layerFromSettings(settings) {
    switch (settings.kind) {
        case "memory":
            return new core_1.InMemoryChannelLayer();
        case "redis": {
            // Loaded only when asked for, so the in-memory demo never touches a Redis client.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { RedisChannelLayer } = require("@channels-ts/redis");
            return new RedisChannelLayer({ hosts: [settings.redisUrl] });
        }
        case "redis-pubsub": {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { RedisPubSubChannelLayer } = require("@channels-ts/redis");
            return new RedisPubSubChannelLayer({ hosts: [settings.redisUrl] });
        }
    }
}
/** The layer for `CHANNEL_LAYER` (memory, default) and `REDIS_URL` (redis://127.0.0.1:6379); throws InvalidEnvironment. */
function layerFromEnv(env = process.env) {
    return layerFromSettings((0, environment_1.readLayerSettings)(env));
}
/**
 * Configures the "default" alias, once per process (like CHANNEL_LAYERS), from `settings` or
 * the environment, and returns the default layer. The environment is checked now, so a bad
 * CHANNEL_LAYER or REDIS_URL stops the process at startup rather than failing every request.
 */
function configureChannelLayers(settings = process.env) {
    const configured = core_1.channelLayers.get("default");
    if (configured !== undefined)
        return configured;
    const layer = isLayerSettings(settings) ? layerFromSettings(settings) : layerFromEnv(settings);
    core_1.channelLayers.configure({ default: layer });
    return layer;
}
function isLayerSettings(value) {
    return value.kind === "memory" || value.kind === "redis" || value.kind === "redis-pubsub";
}
//# sourceMappingURL=channel-layer-config.js.map