import { EventEmitter } from "eventemitter3";
import { type ChannelLayer, type LayerReceiver, type Message, type ReceiveOptions } from "@channels-ts/core";
import type { LayerEvents } from "./layer-events";
import { type PubSubDropCounts } from "./pubsub-drops";
import { type RedisPubSubChannelLayerOptions } from "./options";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
/**
 * A channel layer on Redis Pub/Sub, in channels_redis's `RedisPubSubChannelLayer` format: a
 * message is one PUBLISH of plain msgpack on the channel's own name, a group is the Pub/Sub
 * channel `<prefix>__group__<group>`, and membership lives in the process that made it. Nothing
 * is stored, so nothing has capacity or expiry on Redis: a message published while nobody
 * listens is lost. This process listens to its own channels with one pattern subscription per
 * host and subscribes to a group only while it has members in it.
 */
export declare class RedisPubSubChannelLayer extends EventEmitter<LayerEvents> implements ChannelLayer {
    readonly extensions: readonly ["groups", "flush"];
    /** 32 hex digits in every channel name this layer makes: `specific.<clientPrefix>!<id>`. */
    readonly clientPrefix: string;
    readonly prefix: string;
    private readonly shards;
    private readonly subscribers;
    private readonly local;
    private readonly drops;
    private readonly serializer;
    private readonly malformed;
    /** Local members by group (the score is unused: memberships here never expire). */
    private readonly memberships;
    private readonly ownPattern;
    private readonly ownMarker;
    private readonly pending;
    /** True once every host has this process's pattern subscription: a receive then asks Redis nothing. */
    private listeningToOwn;
    /** PUBLISHes written whose reply has not come back (see `publish`). */
    private inFlight;
    private closed;
    private readonly mailboxIdleMs;
    private sweepTimer;
    constructor(options?: RedisPubSubChannelLayerOptions);
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
    /** Messages this layer could not deliver since it started, by reason (each also emitted as `dropped`). */
    get droppedCounts(): PubSubDropCounts;
    /** The Pub/Sub channel of `group`, as channels_redis names it. */
    groupChannel(group: string): string;
    newChannel(prefix?: string): Promise<string>;
    send(channel: string, message: Message): Promise<void>;
    receive(channel: string, options?: ReceiveOptions): Promise<Message>;
    receiveInto(channel: string, receiver: LayerReceiver): void;
    receiveNowait(channel: string): Message | undefined;
    groupAdd(group: string, channel: string): Promise<void>;
    groupDiscard(group: string, channel: string): Promise<void>;
    groupSend(group: string, message: Message): Promise<void>;
    discardChannel(channel: string): Promise<void>;
    /** Forget every membership and queued message, and leave every group and named channel. */
    flush(): Promise<void>;
    close(): Promise<void>;
    private listenToOwnChannels;
    /**
     * Makes sure Redis forwards `channel`'s messages here, asking only when it does not yet; a
     * failure to subscribe fails the channel's waiting receives.
     */
    private listenFor;
    private shardOf;
    private subscriber;
    private psubscribe;
    /** SUBSCRIBE `name` on its shard (group channels and channels named by a receive). */
    private subscribe;
    private unsubscribe;
    private unsubscribeIfUnused;
    /** After a reconnect: subscribe again to what this host's subscriber had. */
    private resubscribe;
    private onMessage;
    /** Mailboxes of channels nobody receives on (e.g. discarded while a message was in flight) go after `expiry`. */
    private ensureSweep;
    /**
     * PUBLISH `payload` on `name`. The caller does not wait for Redis's reply: commands on one
     * connection run in order, so the next send cannot overtake this one, and a consumer that
     * awaits each send (one message at a time) would otherwise pay a round trip per message. A
     * PUBLISH that fails is counted and reported as dropped (`layer down`). The reply is awaited
     * only while `MAX_IN_FLIGHT` are unanswered (backpressure when Redis falls behind), and a
     * send made while a host reconnects waits until this process's subscriptions are back there.
     */
    private publish;
    /** Before the first connection or during a reconnect: wait for the host, and for the reply (a failure is the caller's). */
    private publishWhenUp;
    /** Writes one PUBLISH; the promise settles with its reply, and never rejects (a failure is a drop). */
    private write;
    /** A rejected promise when the layer is closed or a host has been down too long; undefined otherwise. */
    private blockedBy;
    /** `work`, settled early by close() or by an outage of any host lasting `operationTimeoutMs`. */
    private guard;
    private publisher;
    /** The shared `dropped` event (LayerEvents), one per message the pub/sub layer could not deliver. */
    private emitDropped;
    private assertOpen;
}
