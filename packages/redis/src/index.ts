// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />
export { RedisChannelLayer } from "./redis-channel-layer";
export { RedisPubSubChannelLayer } from "./redis-pubsub-channel-layer";
export { RedisHostUnavailable } from "./redis-host-unavailable";
export type { RedisChannelLayerOptions, RedisPubSubChannelLayerOptions, RedisConnectionOptions } from "./options";
export type { RedisHost, RedisHostOptions } from "./hosts";
export type { HostEvent } from "./shard";
export type { LayerEvents, MalformedEvent } from "./layer-events";
export type { LayerLogger } from "./malformed-counter";
export { Fernet, MultiFernet, InvalidToken } from "./fernet";
export { consistentHash, crc32 } from "./consistent-hash";
export { MessageSerializer } from "./serializer";
