import type Redis from "ioredis";
import type { RedisOptions } from "ioredis";
import { type ClientPolicy, type RedisHost } from "./hosts";
import type { RedisConnectionOptions } from "./options";
import { RedisHostUnavailable } from "./redis-host-unavailable";
/** What a layer reports when a Redis host goes away or comes back. */
export interface HostEvent {
    /** Index of the host in `hosts` (its shard number). */
    shard: number;
    /** The host, without credentials. */
    host: string;
}
/** What a layer reports when a connection to a Redis host drops, or the host cannot be reached at all. */
export interface HostDownEvent extends HostEvent {
    /** Why: the last connection error, or an error saying the connection closed when Redis gave none. */
    error: Error;
    /**
     * True when the host has not been reached since the layer started (a wrong URL, or Redis not
     * started yet): operations that need it fail at once with `RedisHostUnavailable` until it is up.
     */
    firstConnection: boolean;
}
export interface ShardHooks {
    down(event: HostDownEvent): void;
    /** Called when every watched connection is ready again; `up` is emitted after it settles. */
    restore(shard: RedisShard): Promise<void>;
    up(event: HostEvent): void;
    /** The host has been down for `operationTimeoutMs`: operations waiting on it must fail with `error`. */
    unavailable(shard: RedisShard, error: RedisHostUnavailable): void;
}
/**
 * One Redis host: a command connection plus any dedicated connections (blocking pops,
 * subscriptions) created from it. It turns ioredis's per-connection events into one
 * `down` when any watched connection drops and one `up` once all are ready and the layer
 * has restored its state (memberships, subscriptions) on that host.
 */
export declare class RedisShard {
    readonly index: number;
    private readonly host;
    private readonly policy;
    private readonly hooks;
    readonly client: Redis;
    readonly name: string;
    private readonly watched;
    private readonly owned;
    private isDown;
    /** Set once any watched connection has been ready: until then a failure means "unreachable", not "outage". */
    private everReady;
    private lastError;
    private closed;
    private restored;
    private openGate;
    private failGate;
    private outageTimer;
    private unavailableError;
    constructor(index: number, host: RedisHost, policy: ClientPolicy & {
        operationTimeoutMs: number;
    }, hooks: ShardHooks);
    /** A dedicated connection (commands on it never wait behind a blocking pop elsewhere). */
    open(extra: RedisOptions, watch: boolean): Redis;
    private readonly revivals;
    private revive;
    /** Stop and forget a connection made with `open`. */
    release(client: Redis): void;
    /** True once the host is up and the layer's state on it in place: neither a first connection nor a reconnect pending. */
    get settled(): boolean;
    /** True from a connection drop until the layer's state on this host is restored. */
    get restoring(): boolean;
    /** Resolves once the host is up and restored (at once when it is); rejects once it has been down too long. */
    whenRestored(): Promise<void>;
    /** Set while the host has been down for longer than `operationTimeoutMs`: fail instead of waiting. */
    get unavailable(): RedisHostUnavailable | undefined;
    /**
     * Connects now rather than on the first command. Resolves once the host is up (and, after an
     * outage, restored); rejects with `RedisHostUnavailable` when it cannot be reached. Either way
     * the connection keeps retrying on its own.
     */
    connect(): Promise<void>;
    private readonly firstContact;
    private settleFirstContact;
    close(): void;
    private onClose;
    private onReady;
    private giveUp;
    private clearOutage;
    private releaseGate;
}
/** What both layers give their shards: where to report, how to restore, whom to fail. */
export interface ShardOwner {
    down(event: HostDownEvent): void;
    up(event: HostEvent): void;
    /** Puts back this layer's state (memberships, subscriptions) on a host that came back. */
    restoreShard(index: number): Promise<void>;
    /** Fails the operations waiting on a host that stayed down too long. */
    failShard(index: number, error: Error): void;
}
type ShardOptions = Required<Pick<RedisConnectionOptions, "reconnectMinDelayMs" | "reconnectMaxDelayMs" | "operationTimeoutMs">> & Pick<RedisConnectionOptions, "hosts">;
/** One shard per host, in `hosts` order (the order the consistent hash indexes). */
export declare function openShards(options: ShardOptions, owner: ShardOwner): RedisShard[];
/** `connect()` on every shard: resolves once all are up, rejects with the first host found unreachable. */
export declare function connectShards(shards: readonly RedisShard[]): Promise<void>;
/** The error operations on `shards` fail with right now, if a host is unavailable. */
export declare function firstUnavailable(shards: readonly RedisShard[]): RedisHostUnavailable | undefined;
/** Waits while any host is reconnecting, so a send lands after this process's state is back. */
export declare function afterRestore(shards: readonly RedisShard[]): Promise<void>;
export {};
