// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />

// The public surface of @channels-ts/redis, named one by one; anything else is internal.
export { RedisChannelLayer } from "./redis-channel-layer";
export { RedisPubSubChannelLayer } from "./redis-pubsub-channel-layer";
export { RedisHostUnavailable } from "./redis-host-unavailable";
export { GroupSendRefused } from "./group-send-batch";
export { PRESENCE_STORE_DEFAULTS, RedisPresenceStore, type RedisPresenceStoreOptions } from "./redis-presence-store";
export { InvalidToken } from "./fernet";
export type { RedisChannelLayerOptions, RedisConnectionOptions, RedisPubSubChannelLayerOptions } from "./options";
export type { RedisHost, RedisHostOptions, SentinelKwargs } from "./hosts";
export type { ClusterConnectionOptions, ClusterNodeAddress } from "./cluster-options";
export type { HostDownEvent, HostEvent, HostRestartedEvent } from "./host-status";
export type {
  BackgroundErrorEvent,
  DroppedEvent,
  LayerEvents,
  MalformedEvent,
  PubSubDropCounts,
  PubSubDroppedEvent,
  PubSubDropReason,
  PubSubLayerEvents,
  RedisDropCounts,
  RedisDropReason,
} from "./layer-events";
// The drop reasons are core's (one list for every layer); re-exported so existing imports keep working.
export type { DropReason } from "@channels-ts/core";
export type {
  PubSubTransport,
  PubSubTransportContext,
  PubSubTransportFactory,
  PubSubTransportListener,
} from "./pubsub-transport";
export type { LayerLogger } from "./malformed-counter";
