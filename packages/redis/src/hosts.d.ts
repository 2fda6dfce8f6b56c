import type { ConnectionOptions } from "node:tls";
import Redis, { type RedisOptions, type SentinelAddress } from "ioredis";
/**
 * One Redis host, as channels_redis's `hosts` entries: a URL (`redis://:pw@host:6379/0`,
 * `rediss://` for TLS), a `[host, port]` pair, or an ioredis options object, which may carry
 * `address` (a URL) and Python's sentinel spelling (`sentinels`, `master_name`, `sentinel_kwargs`).
 */
export type RedisHost = string | readonly [string, number] | RedisHostOptions;
export interface RedisHostOptions extends Omit<RedisOptions, "sentinels"> {
    /** A redis:// URL; other keys override what it says. */
    address?: string;
    /**
     * The Sentinels to ask for the master, as channels_redis lists them (`[host, port]` pairs) or
     * as ioredis does (`{ host, port }`). With them, `master_name` (or ioredis's `name`) is required.
     */
    sentinels?: ReadonlyArray<readonly [string, number] | Partial<SentinelAddress>>;
    /** channels_redis's name for ioredis's sentinel `name`: the master group the Sentinels monitor. */
    master_name?: string;
    /** channels_redis's options for the connections to the Sentinels themselves (not to the master). */
    sentinel_kwargs?: SentinelKwargs;
}
/** What `sentinel_kwargs` may hold: the keys of redis-py's Sentinel connections that ioredis has. */
export interface SentinelKwargs {
    password?: string;
    username?: string;
    /** TLS to the Sentinels: `true`, or Node's TLS options. */
    ssl?: boolean | ConnectionOptions;
}
/** Options the layer forces on every client: it manages connect, reconnect and resubscription itself. */
export interface ClientPolicy {
    reconnectMinDelayMs: number;
    reconnectMaxDelayMs: number;
}
export declare const DEFAULT_HOST = "redis://localhost:6379";
/** Check `hosts` up front, as channels_redis does, so a bare string is an error naming the fix. */
export declare function normalizeHosts(hosts: readonly RedisHost[] | undefined): readonly RedisHost[];
/** A new, not yet connected client for `host`. */
export declare function createClient(host: RedisHost, policy: ClientPolicy, extra?: RedisOptions): Redis;
/** A short printable name for logs and events (no password). */
export declare function describeHost(host: RedisHost): string;
