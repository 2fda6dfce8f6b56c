/// <reference types="node" preserve="true" />
export { RedisChannelLayer } from "./redis-channel-layer";
export { RedisPubSubChannelLayer } from "./redis-pubsub-channel-layer";
export { RedisHostUnavailable } from "./redis-host-unavailable";
export { InvalidToken } from "./fernet";
export type { RedisChannelLayerOptions, RedisConnectionOptions, RedisPubSubChannelLayerOptions } from "./options";
export type { RedisHost, RedisHostOptions, SentinelKwargs } from "./hosts";
export type { HostDownEvent, HostEvent } from "./shard";
export type { BackgroundErrorEvent, DroppedEvent, LayerEvents, MalformedEvent } from "./layer-events";
export type { DropReason } from "./drop-counter";
export type { PubSubDropCounts, PubSubDroppedEvent, PubSubDropReason, PubSubLayerEvents } from "./pubsub-drops";
export type { LayerLogger } from "./malformed-counter";
