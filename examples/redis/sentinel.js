"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configureSentinelLayers = configureSentinelLayers;
exports.roundTrip = roundTrip;
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
/**
 * docs/channel-layers.md, "Sentinel": both layers find the master through Sentinel, with the host
 * written as channels_redis's CHANNEL_LAYERS writes it. Run it against a Sentinel:
 *
 *     SENTINEL_PORT=26379 npx tsx examples/redis/sentinel.ts
 */
function configureSentinelLayers(sentinelPort) {
    // #region configure
    const host = {
        sentinels: [["127.0.0.1", sentinelPort]], // [host, port] of each Sentinel
        master_name: "mymaster", // the master group the Sentinels monitor
        // sentinel_kwargs: { password: process.env.SENTINEL_PASSWORD }, // for the Sentinels themselves
    };
    const queue = new redis_1.RedisChannelLayer({ hosts: [host] });
    const pubsub = new redis_1.RedisPubSubChannelLayer({ hosts: [host] });
    for (const layer of [queue, pubsub]) {
        layer.on("down", ({ host, error }) => console.warn(`Redis ${host} is down: ${error.message}`));
        layer.on("up", ({ host }) => console.info(`Redis ${host} is back (on the current master)`));
    }
    core_1.channelLayers.configure({ default: queue, pubsub });
    // #endregion configure
    return { queue, pubsub };
}
/** One group message through each layer: what the script prints when the Sentinel and its master are up. */
async function roundTrip(layer) {
    await layer.connect();
    const channel = await layer.newChannel();
    await layer.groupAdd("sentinel-example", channel);
    await layer.groupSend("sentinel-example", { type: "hello", text: "through Sentinel" });
    const message = await layer.receive(channel);
    await layer.groupDiscard("sentinel-example", channel);
    return String(message.text);
}
async function main() {
    const { queue, pubsub } = configureSentinelLayers(Number(process.env.SENTINEL_PORT ?? 26379));
    try {
        console.log(`queue layer: ${await roundTrip(queue)}`);
        console.log(`pub/sub layer: ${await roundTrip(pubsub)}`);
    }
    finally {
        await Promise.all([queue.close(), pubsub.close()]);
    }
}
if (require.main === module) {
    main().catch((error) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    });
}
//# sourceMappingURL=sentinel.js.map