import { EventEmitter } from "eventemitter3";
import { type ChannelLayer, type LayerReceiver, type Message, type ReceiveOptions } from "@channels-ts/core";
import { type DropReason } from "./drop-counter";
import { type RedisChannelLayerOptions } from "./options";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import type { LayerEvents } from "./layer-events";
/**
 * A channel layer on Redis sorted sets, in channels_redis 4.x's exact layout, so Django and
 * channels-ts consumers share channels and groups on one Redis and one prefix. The README's
 * "Wire compatibility" section gives the format and what differs (receive-side expiry, direct
 * sends sharded on the channel's queue, memberships refreshed while alive).
 */
export declare class RedisChannelLayer extends EventEmitter<LayerEvents> implements ChannelLayer {
    readonly extensions: readonly ["groups", "flush"];
    /** 32 hex digits naming this layer's queue: its channels are `specific.<clientPrefix>!<id>`. */
    readonly clientPrefix: string;
    readonly prefix: string;
    readonly expiry: number;
    readonly groupExpiry: number;
    readonly capacity: number;
    private readonly shards;
    private readonly clients;
    private readonly serializer;
    private readonly capacities;
    private readonly uniformCapacity;
    private readonly local;
    private readonly malformed;
    private readonly drops;
    private readonly backgroundErrors;
    private readonly memberships;
    private readonly refresher;
    private readonly blockSeconds;
    /** Receive loops by `<shard>:<key>`. */
    private readonly loops;
    /** The loops on this process's own queues (one per host; one queue per newChannel() prefix), checked on every wait. */
    private readonly ownLoops;
    /** Channels received on since the last refresh tick: their consumers are alive. */
    private readonly recentlyReceived;
    private readonly expirySeconds;
    private sweepTimer;
    private readonly pending;
    private roundRobin;
    private readonly pipelineGroupSends;
    /** The queue of `newChannel()`'s default channels, known without building the name per wait. */
    private readonly defaultNonLocal;
    private readonly defaultKey;
    private closed;
    constructor(options?: RedisChannelLayerOptions);
    /**
     * Connects to every host now instead of at the first operation, so that a wrong URL or a Redis
     * that is not running shows at startup. Resolves once every host is up; rejects with
     * `RedisHostUnavailable` naming the first host that cannot be reached. Either way the layer
     * keeps reconnecting, emits `up` once the host is back, and works from then on.
     */
    connect(): Promise<void>;
    /**
     * The error operations fail with right now, because a host has not been reached since the
     * layer started or has been down for longer than `operationTimeoutMs`; undefined otherwise.
     * An application can refuse new clients promptly while it is set.
     */
    get unavailable(): RedisHostUnavailable | undefined;
    /** Payloads dropped because they could not be decoded or had the wrong shape. */
    get malformedCount(): number;
    /** Deliveries this layer did not make since it started, by reason (each also a `dropped` event). */
    get droppedCounts(): Record<DropReason, number>;
    newChannel(prefix?: string): Promise<string>;
    send(channel: string, message: Message): Promise<void>;
    private sendNow;
    receive(channel: string, options?: ReceiveOptions): Promise<Message>;
    /** A message already taken off Redis for `channel`, if any, without waiting or a promise. */
    receiveNowait(channel: string): Message | undefined;
    /** The next message on `channel` goes to `receiver`, from the receive loop, without a promise. */
    receiveInto(channel: string, receiver: LayerReceiver): void;
    /** Validates `channel` for a receive here and returns the index of its `!` (-1 for a normal channel). */
    private checkReceivable;
    private isOwn;
    groupAdd(group: string, channel: string): Promise<void>;
    groupDiscard(group: string, channel: string): Promise<void>;
    groupSend(group: string, message: Message): Promise<void>;
    private allSettled;
    private groupSendNow;
    discardChannel(channel: string): Promise<void>;
    flush(): Promise<void>;
    close(): Promise<void>;
    /** One script call does Python's whole group send (single host, no encryption, one capacity). */
    private groupSendInOneCall;
    /** Python's algorithm: list the members on the group's host, then one script call per target host. */
    private groupSendSharded;
    private startLoops;
    /** Whether every loop on this own queue runs (the common case: nothing to start). */
    private ownLoopsRunning;
    private onPayload;
    private reportMalformed;
    /** Count, log (rate-limited) and emit deliveries not made. */
    private reportDrop;
    private reportBackgroundError;
    /** Re-add, with a fresh score, the memberships of channels whose consumers are still receiving. */
    private refreshLiveMemberships;
    /** After a reconnect: put back every membership still within `groupExpiry`, at its own score. */
    private restoreMemberships;
    private writeMembers;
    private groupKey;
    private groupClient;
    private shardFor;
    /** The host of a queue: by its non-local name, or round-robin for normal channels (as Python). */
    private shardIndexFor;
    /**
     * `work`, settled early by close() (ChannelLayerClosed) or by an outage of its host (`shard`,
     * or any host for -1) lasting `operationTimeoutMs` (RedisHostUnavailable).
     */
    private guard;
    private assertOpen;
}
