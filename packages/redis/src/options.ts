import type { ChannelLayerOptions } from "@channels-ts/core";
import type { ClusterConnectionOptions } from "./cluster-options";
import type { RedisHost } from "./hosts";
import type { LayerLogger } from "./malformed-counter";
import type { PubSubTransportFactory } from "./pubsub-transport";

/** Connection behaviour both Redis layers share. */
export interface RedisConnectionOptions {
  /** Redis hosts (URLs, `[host, port]` or ioredis options); several shard as channels_redis. Default `["redis://localhost:6379"]`. */
  hosts?: readonly RedisHost[];
  /** Key prefix shared with every peer (Python's `prefix`). Default `"asgi"`. */
  prefix?: string;
  /** First reconnect delay; doubles up to `reconnectMaxDelayMs`. Default 50. */
  reconnectMinDelayMs?: number;
  /** Longest reconnect delay. Default 2000. */
  reconnectMaxDelayMs?: number;
  /** Receives the layer's warnings (malformed data). Default `console`. */
  logger?: LayerLogger;
  /**
   * How long operations wait for a Redis host that is down. Once a host has been unreachable
   * this long, every `send`, `groupSend`, `groupAdd`... waiting on it rejects with
   * `RedisHostUnavailable` naming the host, and new ones reject at once until it is back.
   * Pending `receive()`s keep waiting (they resume when the host returns). Default 5000.
   */
  operationTimeoutMs?: number;
  /** At most one malformed-data warning per this many ms (the rest are counted). Default 10000. */
  warnIntervalMs?: number;
}

export interface RedisChannelLayerOptions extends ChannelLayerOptions, RedisConnectionOptions {
  /** Fernet passphrases (channels_redis's `symmetric_encryption_keys`): encrypt with the first, accept any. */
  symmetricEncryptionKeys?: ReadonlyArray<string | Uint8Array>;
  /**
   * Seconds between re-adds of the memberships of channels that are being received on, so a
   * live consumer never expires out of its groups. Default `groupExpiry / 4`; 0 disables.
   */
  membershipRefreshSeconds?: number;
  /** Seconds one BZPOPMIN on this process's queue blocks (Python's `brpop_timeout`). Default 5. */
  blockSeconds?: number;
  /**
   * `groupSend` resolves once its command is on the connection (in order with this process's
   * later sends) instead of after Redis's reply, so a consumer that awaits each group send
   * (a chat relaying every frame) is not held to one Redis round trip per frame. It still
   * rejects at once when the layer is closed or a host is unavailable; a failure after that is
   * a `dropped` event (reason "layer down") and a warning instead of a rejection. Python's
   * `group_send` never reports a full member either, so nothing an awaiting caller could act on
   * is lost. Default true; `false` makes every `groupSend` wait for Redis's reply.
   */
  pipelineGroupSends?: boolean;
}

export interface RedisPubSubChannelLayerOptions extends RedisConnectionOptions {
  /** Messages a local channel buffers for a slow receiver before dropping the oldest. Default 100. */
  capacity?: number;
  /** Per-channel buffer sizes, as `channelCapacity` of the other layers. */
  channelCapacity?: ChannelLayerOptions["channelCapacity"];
  /**
   * Seconds a local mailbox that nobody receives on is kept (messages that reach a channel just
   * discarded, or one whose consumer never receives). Default 60, as the queue layer's expiry.
   */
  expiry?: number;
  /**
   * The bus, when it is not Redis through ioredis at `hosts` (then `hosts` must not be given):
   * called once with what the layer listens with; see `PubSubTransport`. Default: Redis.
   */
  transport?: PubSubTransportFactory;
  /**
   * A Redis Cluster (7.0+) instead of `hosts`: sharded pub/sub, each group and inbox on its own
   * slot (docs/channel-layers.md, "Redis Cluster"). Not with `hosts`.
   */
  cluster?: ClusterConnectionOptions;
}

export const CONNECTION_DEFAULTS = {
  prefix: "asgi",
  reconnectMinDelayMs: 50,
  reconnectMaxDelayMs: 2000,
  operationTimeoutMs: 5000,
  warnIntervalMs: 10_000,
} satisfies RedisConnectionOptions;

export const REDIS_LAYER_DEFAULTS = {
  ...CONNECTION_DEFAULTS,
  expiry: 60,
  groupExpiry: 86_400,
  capacity: 100,
  blockSeconds: 5,
} satisfies RedisChannelLayerOptions;

/** Reject options no Redis layer can honour, naming the option and a valid value. */
export function checkNumber(name: string, value: number, min: number, integer = false): void {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new TypeError(`${name} must be ${integer ? "an integer" : "a number"} >= ${min}, got ${String(value)}.`);
  }
}

export function checkPrefix(prefix: string): void {
  if (typeof prefix !== "string") throw new TypeError(`prefix must be a string, got ${typeof prefix}.`);
  if (/[*?[\]\\]/.test(prefix)) {
    throw new TypeError(
      `prefix ${JSON.stringify(prefix)} contains a glob character; flush() would delete other prefixes' keys.`,
    );
  }
}
