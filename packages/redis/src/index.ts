// The public surface of @channels-ts/redis, named one by one; anything else is internal.
export { RedisChannelLayer } from "./redis-channel-layer";
export { RedisPubSubChannelLayer } from "./redis-pubsub-channel-layer";
export { RedisHostUnavailable } from "./redis-host-unavailable";
export type { RedisChannelLayerOptions, RedisConnectionOptions, RedisPubSubChannelLayerOptions } from "./options";
export type { RedisHost, RedisHostOptions } from "./hosts";
export type { HostDownEvent, HostEvent } from "./shard";
export type { LayerEvents, MalformedEvent } from "./layer-events";
export type { LayerLogger } from "./malformed-counter";
