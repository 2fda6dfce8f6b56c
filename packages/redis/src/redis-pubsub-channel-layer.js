"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisPubSubChannelLayer = void 0;
const node_crypto_1 = require("node:crypto");
const eventemitter3_1 = require("eventemitter3");
const core_1 = require("@channels-ts/core");
const layer_kit_1 = require("@channels-ts/core/layer-kit");
const consistent_hash_1 = require("./consistent-hash");
const malformed_counter_1 = require("./malformed-counter");
const memberships_1 = require("./memberships");
const pending_operations_1 = require("./pending-operations");
const pubsub_drops_1 = require("./pubsub-drops");
const pubsub_mailboxes_1 = require("./pubsub-mailboxes");
const options_1 = require("./options");
const serializer_1 = require("./serializer");
const shard_1 = require("./shard");
const wire_message_1 = require("./wire-message");
/**
 * A channel layer on Redis Pub/Sub, in channels_redis's `RedisPubSubChannelLayer` format: a
 * message is one PUBLISH of plain msgpack on the channel's own name, a group is the Pub/Sub
 * channel `<prefix>__group__<group>`, and membership lives in the process that made it. Nothing
 * is stored, so nothing has capacity or expiry on Redis: a message published while nobody
 * listens is lost. This process listens to its own channels with one pattern subscription per
 * host and subscribes to a group only while it has members in it.
 */
class RedisPubSubChannelLayer extends eventemitter3_1.EventEmitter {
    extensions = ["groups", "flush"];
    /** 32 hex digits in every channel name this layer makes: `specific.<clientPrefix>!<id>`. */
    clientPrefix = (0, node_crypto_1.randomUUID)().replace(/-/g, "");
    prefix;
    shards;
    subscribers;
    local;
    drops;
    serializer = new serializer_1.MessageSerializer({ prefixed: false });
    malformed;
    /** Local members by group (the score is unused: memberships here never expire). */
    memberships = new memberships_1.Memberships();
    ownPattern;
    ownMarker;
    pending = new pending_operations_1.PendingOperations();
    /** True once every host has this process's pattern subscription: a receive then asks Redis nothing. */
    listeningToOwn = false;
    /** PUBLISHes written whose reply has not come back (see `publish`). */
    inFlight = 0;
    closed = false;
    mailboxIdleMs;
    sweepTimer;
    constructor(options = {}) {
        super();
        const o = { ...options_1.CONNECTION_DEFAULTS, ...options };
        (0, options_1.checkPrefix)(o.prefix);
        (0, options_1.checkNumber)("operationTimeoutMs", o.operationTimeoutMs, 1);
        (0, options_1.checkNumber)("expiry", o.expiry ?? 60, 0.001);
        this.mailboxIdleMs = (o.expiry ?? 60) * 1000;
        this.prefix = o.prefix;
        const capacities = new layer_kit_1.ChannelCapacities(o.channelCapacity, (0, layer_kit_1.requireCapacity)("capacity", o.capacity ?? 100));
        this.drops = new pubsub_drops_1.PubSubDrops(o.logger ?? console, o.warnIntervalMs, (event) => this.emitDropped(event));
        this.local = new pubsub_mailboxes_1.PubSubMailboxes((channel) => capacities.get(channel), (channel) => this.drops.count("channel full", channel));
        this.malformed = new malformed_counter_1.MalformedCounter("RedisPubSubChannelLayer", o.logger ?? console, o.warnIntervalMs);
        this.ownMarker = `.${this.clientPrefix}!`;
        this.ownPattern = `*${this.ownMarker}*`;
        this.shards = (0, shard_1.openShards)(o, {
            down: (event) => this.emit("down", event),
            up: (event) => this.emit("up", event),
            restoreShard: (index) => this.resubscribe(index),
            failShard: (index, error) => this.pending.rejectFor(index, error),
        });
        this.subscribers = this.shards.map(() => undefined);
    }
    /**
     * Connects to every host now instead of at the first operation, so that a wrong URL or a Redis
     * that is not running shows at startup. Resolves once every host is up; rejects with
     * `RedisHostUnavailable` naming the first host that cannot be reached. Either way the layer
     * keeps reconnecting, emits `up` once the host is back, and works from then on.
     */
    async connect() {
        this.assertOpen("connect");
        await (0, shard_1.connectShards)(this.shards);
    }
    /**
     * The error operations fail with right now, because a host has not been reached since the
     * layer started or has been down for longer than `operationTimeoutMs`; undefined otherwise.
     * An application can refuse new clients promptly while it is set.
     */
    get unavailable() {
        return (0, shard_1.firstUnavailable)(this.shards);
    }
    /** Payloads dropped because they could not be decoded or had the wrong shape. */
    get malformedCount() {
        return this.malformed.count;
    }
    /** Messages this layer could not deliver since it started, by reason (each also emitted as `dropped`). */
    get droppedCounts() {
        return this.drops.snapshot;
    }
    /** The Pub/Sub channel of `group`, as channels_redis names it. */
    groupChannel(group) {
        return `${this.prefix}__group__${group}`;
    }
    async newChannel(prefix = "specific") {
        this.assertOpen("newChannel");
        (0, layer_kit_1.validateChannelPrefix)(prefix, 1 + 32 + 1 + 32);
        await this.guard("newChannel", this.listenToOwnChannels());
        return `${prefix}${this.ownMarker}${(0, node_crypto_1.randomUUID)().replace(/-/g, "")}`;
    }
    async send(channel, message) {
        this.assertOpen("send");
        (0, layer_kit_1.validateChannelName)(channel);
        (0, layer_kit_1.validateMessage)(message);
        await this.publish("send", channel, this.serializer.serialize(message));
    }
    // Not async: a message already here is handed over without waiting on anything else.
    receive(channel, options = {}) {
        const signal = options.signal;
        if (signal?.aborted)
            return Promise.reject(signal.reason);
        if (this.closed)
            return Promise.reject(new core_1.ChannelReceiveAborted(channel, "closed"));
        try {
            (0, layer_kit_1.validateChannelName)(channel);
        }
        catch (error) {
            return Promise.reject(error);
        }
        const queued = this.local.take(channel);
        if (queued !== undefined)
            return Promise.resolve(queued);
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                if (this.local.cancel(channel, receiver))
                    reject(signal?.reason);
            };
            const receiver = {
                onLayerMessage: (message) => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve(message);
                },
                onLayerError: (error) => {
                    signal?.removeEventListener("abort", onAbort);
                    reject(error);
                },
            };
            signal?.addEventListener("abort", onAbort, { once: true });
            this.local.wait(channel, receiver);
            this.listenFor(channel);
        });
    }
    receiveInto(channel, receiver) {
        if (this.closed)
            return receiver.onLayerError(new core_1.ChannelReceiveAborted(channel, "closed"));
        // A consumer's channel keeps its mailbox between messages: its name is checked once, not per wait.
        if (!this.local.has(channel))
            (0, layer_kit_1.validateChannelName)(channel);
        const queued = this.local.take(channel);
        if (queued !== undefined)
            return receiver.onLayerMessage(queued);
        this.local.wait(channel, receiver);
        this.listenFor(channel);
    }
    receiveNowait(channel) {
        if (this.closed)
            throw new core_1.ChannelReceiveAborted(channel, "closed");
        if (!this.local.has(channel))
            (0, layer_kit_1.validateChannelName)(channel);
        return this.local.take(channel);
    }
    async groupAdd(group, channel) {
        this.assertOpen("groupAdd");
        (0, layer_kit_1.validateGroupName)(group);
        (0, layer_kit_1.validateChannelName)(channel);
        this.memberships.add(group, channel, 0);
        await this.guard("groupAdd", this.subscribe(this.groupChannel(group), false));
    }
    async groupDiscard(group, channel) {
        this.assertOpen("groupDiscard");
        (0, layer_kit_1.validateGroupName)(group);
        (0, layer_kit_1.validateChannelName)(channel);
        this.memberships.remove(group, channel);
        await this.unsubscribeIfUnused(group);
    }
    async groupSend(group, message) {
        this.assertOpen("groupSend");
        (0, layer_kit_1.validateGroupName)(group);
        (0, layer_kit_1.validateMessage)(message);
        await this.publish("groupSend", this.groupChannel(group), this.serializer.serialize(message));
    }
    async discardChannel(channel) {
        this.local.discard(channel, new core_1.ChannelReceiveAborted(channel, "discarded"));
        const groups = this.memberships.removeChannel(channel);
        if (this.closed)
            return;
        await Promise.all([...groups.map((group) => this.unsubscribeIfUnused(group)), this.unsubscribe(channel)]);
    }
    /** Forget every membership and queued message, and leave every group and named channel. */
    async flush() {
        this.assertOpen("flush");
        this.memberships.clear();
        this.local.clearQueues();
        await Promise.all(this.subscribers.map(async (subscriber) => {
            if (subscriber === undefined || subscriber.channels.size === 0)
                return;
            const names = [...subscriber.channels];
            subscriber.channels.clear();
            await subscriber.client.unsubscribe(...names);
        }));
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.sweepTimer !== undefined)
            clearInterval(this.sweepTimer);
        this.drops.close();
        this.local.closeAll((channel) => new core_1.ChannelReceiveAborted(channel, "closed"));
        this.pending.rejectAll((operation) => new core_1.ChannelLayerClosed(operation));
        for (const shard of this.shards)
            shard.close();
    }
    listenToOwnChannels() {
        if (this.listeningToOwn)
            return Promise.resolve();
        // Python publishes a direct send on the shard of the full channel name, so every host is listened to.
        return Promise.all(this.shards.map((shard) => this.psubscribe(shard.index, this.ownPattern))).then(() => {
            this.listeningToOwn = true;
        });
    }
    /**
     * Makes sure Redis forwards `channel`'s messages here, asking only when it does not yet; a
     * failure to subscribe fails the channel's waiting receives.
     */
    listenFor(channel) {
        const own = channel.includes(this.ownMarker);
        if (own ? this.listeningToOwn : this.subscribers[this.shardOf(channel)]?.channels.has(channel) === true)
            return;
        const listening = own ? this.listenToOwnChannels() : this.subscribe(channel, false);
        // Tracked so that close() ends a receive whose subscription waits on a host that is down.
        this.pending.track("receive", CLOSE_ONLY, listening).catch((error) => this.local.discard(channel, error));
    }
    shardOf(name) {
        return (0, consistent_hash_1.consistentHash)(name, this.shards.length);
    }
    subscriber(index) {
        let subscriber = this.subscribers[index];
        if (subscriber === undefined) {
            // The layer resubscribes itself after a reconnect, so that `up` means "listening again".
            const client = this.shards[index].open({ autoResubscribe: false, maxRetriesPerRequest: null }, true);
            client.on("messageBuffer", (channel, data) => this.onMessage(channel.toString(), data));
            client.on("pmessageBuffer", (_pattern, channel, data) => this.onMessage(channel.toString(), data));
            subscriber = { client, channels: new Set(), patterns: new Set() };
            this.subscribers[index] = subscriber;
        }
        return subscriber;
    }
    async psubscribe(index, pattern) {
        const subscriber = this.subscriber(index);
        if (subscriber.patterns.has(pattern))
            return;
        subscriber.patterns.add(pattern);
        try {
            await subscriber.client.psubscribe(pattern);
        }
        catch (error) {
            subscriber.patterns.delete(pattern);
            throw error;
        }
    }
    /** SUBSCRIBE `name` on its shard (group channels and channels named by a receive). */
    async subscribe(name, force) {
        const subscriber = this.subscriber(this.shardOf(name));
        if (subscriber.channels.has(name) && !force)
            return;
        subscriber.channels.add(name);
        try {
            await subscriber.client.subscribe(name);
        }
        catch (error) {
            subscriber.channels.delete(name);
            throw error;
        }
    }
    async unsubscribe(name) {
        const subscriber = this.subscribers[this.shardOf(name)];
        if (subscriber === undefined || !subscriber.channels.delete(name))
            return;
        await subscriber.client.unsubscribe(name);
    }
    async unsubscribeIfUnused(group) {
        if (this.memberships.membersOf(group) !== undefined)
            return;
        await this.unsubscribe(this.groupChannel(group));
    }
    /** After a reconnect: subscribe again to what this host's subscriber had. */
    async resubscribe(index) {
        const subscriber = this.subscribers[index];
        if (subscriber === undefined)
            return;
        const writes = [];
        if (subscriber.patterns.size > 0)
            writes.push(subscriber.client.psubscribe(...subscriber.patterns));
        if (subscriber.channels.size > 0)
            writes.push(subscriber.client.subscribe(...subscriber.channels));
        await Promise.all(writes);
    }
    onMessage(name, data) {
        let message;
        try {
            message = (0, wire_message_1.parseWireMessage)(this.serializer.deserialize(data)).message;
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            this.malformed.report(`Pub/Sub channel ${JSON.stringify(name)}`, reason);
            this.emit("malformed", { source: name, reason });
            this.drops.countLoggedElsewhere("undecodable", name);
            return;
        }
        this.ensureSweep();
        if (name.startsWith(this.prefix) && name.startsWith("__group__", this.prefix.length)) {
            const members = this.memberships.membersOf(name.slice(this.prefix.length + "__group__".length));
            if (members !== undefined)
                for (const [channel] of members)
                    this.local.deliver(channel, message);
            return;
        }
        this.local.deliver(name, message);
    }
    /** Mailboxes of channels nobody receives on (e.g. discarded while a message was in flight) go after `expiry`. */
    ensureSweep() {
        if (this.sweepTimer !== undefined || this.closed)
            return;
        const idleMs = this.mailboxIdleMs;
        this.sweepTimer = setInterval(() => this.local.sweep(idleMs), Math.max(50, idleMs));
        this.sweepTimer.unref();
    }
    /**
     * PUBLISH `payload` on `name`. The caller does not wait for Redis's reply: commands on one
     * connection run in order, so the next send cannot overtake this one, and a consumer that
     * awaits each send (one message at a time) would otherwise pay a round trip per message. A
     * PUBLISH that fails is counted and reported as dropped (`layer down`). The reply is awaited
     * only while `MAX_IN_FLIGHT` are unanswered (backpressure when Redis falls behind), and a
     * send made while a host reconnects waits until this process's subscriptions are back there.
     */
    publish(operation, name, payload) {
        const blocked = this.blockedBy(operation);
        if (blocked !== undefined)
            return blocked;
        for (const shard of this.shards)
            if (!shard.settled)
                return this.guard(operation, this.publishWhenUp(name, payload));
        const reply = this.write(name, payload);
        return this.inFlight > MAX_IN_FLIGHT ? this.guard(operation, reply) : RESOLVED;
    }
    /** Before the first connection or during a reconnect: wait for the host, and for the reply (a failure is the caller's). */
    async publishWhenUp(name, payload) {
        await (0, shard_1.afterRestore)(this.shards);
        await this.publisher(name).publish(name, payload);
    }
    /** Writes one PUBLISH; the promise settles with its reply, and never rejects (a failure is a drop). */
    write(name, payload) {
        this.inFlight++;
        return this.publisher(name)
            .publish(name, payload)
            .then(() => {
            this.inFlight--;
        }, (error) => {
            this.inFlight--;
            if (this.closed)
                return;
            this.drops.count("layer down", name, error instanceof Error ? error.message : String(error));
        });
    }
    /** A rejected promise when the layer is closed or a host has been down too long; undefined otherwise. */
    blockedBy(operation) {
        if (this.closed)
            return Promise.reject(new core_1.ChannelLayerClosed(operation));
        const unavailable = (0, shard_1.firstUnavailable)(this.shards);
        return unavailable === undefined ? undefined : Promise.reject(unavailable);
    }
    /** `work`, settled early by close() or by an outage of any host lasting `operationTimeoutMs`. */
    guard(operation, work) {
        if (this.closed) {
            work.catch(noop);
            return Promise.reject(new core_1.ChannelLayerClosed(operation));
        }
        for (const shard of this.shards) {
            const unavailable = shard.unavailable;
            if (unavailable !== undefined) {
                work.catch(noop);
                return Promise.reject(unavailable);
            }
        }
        return this.pending.track(operation, -1, work);
    }
    publisher(name) {
        return this.shards[this.shardOf(name)].client;
    }
    /** The shared `dropped` event (LayerEvents), one per message the pub/sub layer could not deliver. */
    emitDropped(event) {
        this.emit("dropped", event);
    }
    assertOpen(method) {
        if (this.closed)
            throw new core_1.ChannelLayerClosed(method);
    }
}
exports.RedisPubSubChannelLayer = RedisPubSubChannelLayer;
/** A shard index no host has: the operation is settled by close() only, never by an outage. */
const CLOSE_ONLY = -2;
/** Unanswered PUBLISHes beyond which a send waits for its reply. */
const MAX_IN_FLIGHT = 4096;
const RESOLVED = Promise.resolve();
function noop() { }
//# sourceMappingURL=redis-pubsub-channel-layer.js.map