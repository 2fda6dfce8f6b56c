import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
/**
 * docs/channel-layers.md, "Sentinel": both layers find the master through Sentinel, with the host
 * written as channels_redis's CHANNEL_LAYERS writes it. Run it against a Sentinel:
 *
 *     SENTINEL_PORT=26379 npx tsx examples/redis/sentinel.ts
 */
export declare function configureSentinelLayers(sentinelPort: number): {
    queue: RedisChannelLayer;
    pubsub: RedisPubSubChannelLayer;
};
/** One group message through each layer: what the script prints when the Sentinel and its master are up. */
export declare function roundTrip(layer: RedisChannelLayer | RedisPubSubChannelLayer): Promise<string>;
