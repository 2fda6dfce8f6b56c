"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configureRedisLayer = configureRedisLayer;
exports.connectAtStartup = connectAtStartup;
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
/** packages/redis/README.md: a Redis layer as the default layer, its outages in the log. */
function configureRedisLayer() {
    // #region configure
    const layer = new redis_1.RedisChannelLayer({ hosts: [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"] });
    layer.on("down", ({ host, error }) => console.warn(`Redis ${host} is down: ${error.message}`));
    layer.on("up", ({ host }) => console.info(`Redis ${host} is back; memberships restored`));
    core_1.channelLayers.configure({ default: layer });
    // #endregion configure
    return layer;
}
/** packages/redis/README.md: find out at startup, not at the first message, that Redis cannot be reached. */
async function connectAtStartup(layer) {
    // #region connect
    try {
        await layer.connect();
    }
    catch (error) {
        // RedisHostUnavailable: "Redis host redis://127.0.0.1:6379 is unreachable (connect ECONNREFUSED ...); ..."
        // The layer keeps retrying; operations fail at once until the host is up.
        console.error(error.message);
    }
    // #endregion connect
}
//# sourceMappingURL=layer-events.js.map