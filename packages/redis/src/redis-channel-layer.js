"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisChannelLayer = void 0;
const node_crypto_1 = require("node:crypto");
const eventemitter3_1 = require("eventemitter3");
const core_1 = require("@channels-ts/core");
const layer_kit_1 = require("@channels-ts/core/layer-kit");
const clock_1 = require("./clock");
const consistent_hash_1 = require("./consistent-hash");
const fernet_1 = require("./fernet");
const background_errors_1 = require("./background-errors");
const drop_counter_1 = require("./drop-counter");
const malformed_counter_1 = require("./malformed-counter");
const membership_refresher_1 = require("./membership-refresher");
const memberships_1 = require("./memberships");
const local_channels_1 = require("./local-channels");
const options_1 = require("./options");
const pending_operations_1 = require("./pending-operations");
const receive_loop_1 = require("./receive-loop");
const scripted_client_1 = require("./scripted-client");
const serializer_1 = require("./serializer");
const shard_1 = require("./shard");
const wire_message_1 = require("./wire-message");
const lua_scripts_1 = require("./lua-scripts");
/**
 * A channel layer on Redis sorted sets, in channels_redis 4.x's exact layout, so Django and
 * channels-ts consumers share channels and groups on one Redis and one prefix. The README's
 * "Wire compatibility" section gives the format and what differs (receive-side expiry, direct
 * sends sharded on the channel's queue, memberships refreshed while alive).
 */
class RedisChannelLayer extends eventemitter3_1.EventEmitter {
    extensions = ["groups", "flush"];
    /** 32 hex digits naming this layer's queue: its channels are `specific.<clientPrefix>!<id>`. */
    clientPrefix = (0, node_crypto_1.randomUUID)().replace(/-/g, "");
    prefix;
    expiry;
    groupExpiry;
    capacity;
    shards;
    clients;
    serializer;
    capacities;
    uniformCapacity;
    local;
    malformed;
    drops;
    backgroundErrors;
    memberships = new memberships_1.Memberships();
    refresher;
    blockSeconds;
    /** Receive loops by `<shard>:<key>`. */
    loops = new Map();
    /** The loops on this process's own queues (one per host; one queue per newChannel() prefix), checked on every wait. */
    ownLoops = new Map();
    /** Channels received on since the last refresh tick: their consumers are alive. */
    recentlyReceived = new Set();
    expirySeconds;
    sweepTimer;
    pending = new pending_operations_1.PendingOperations();
    roundRobin = 0;
    pipelineGroupSends;
    /** The queue of `newChannel()`'s default channels, known without building the name per wait. */
    defaultNonLocal = `specific.${this.clientPrefix}!`;
    defaultKey;
    closed = false;
    constructor(options = {}) {
        super();
        const o = { ...options_1.REDIS_LAYER_DEFAULTS, ...stripUndefined(options) };
        const resolved = (0, layer_kit_1.resolveLayerOptions)(o);
        (0, options_1.checkPrefix)(o.prefix);
        (0, options_1.checkNumber)("blockSeconds", o.blockSeconds, 0.01);
        (0, options_1.checkNumber)("operationTimeoutMs", o.operationTimeoutMs, 1);
        if (typeof o.symmetricEncryptionKeys === "string") {
            throw new TypeError("symmetricEncryptionKeys must be a list of keys, even for one: use [key].");
        }
        this.prefix = o.prefix;
        this.defaultKey = o.prefix + this.defaultNonLocal;
        this.expiry = o.expiry;
        this.groupExpiry = o.groupExpiry;
        this.capacity = o.capacity;
        this.blockSeconds = o.blockSeconds;
        this.pipelineGroupSends = o.pipelineGroupSends !== false;
        this.expirySeconds = String(Math.max(1, Math.ceil(o.expiry)));
        this.capacities = resolved.capacities;
        this.uniformCapacity = (o.channelCapacity?.length ?? 0) === 0;
        this.local = new local_channels_1.LocalChannels((channel) => this.capacities.get(channel), (reason, channel, count) => this.reportDrop(reason, { channel, count }));
        const logger = o.logger ?? console;
        this.malformed = new malformed_counter_1.MalformedCounter("RedisChannelLayer", logger, o.warnIntervalMs);
        this.drops = new drop_counter_1.DropCounter("RedisChannelLayer", logger, o.warnIntervalMs);
        this.backgroundErrors = new background_errors_1.BackgroundErrors("RedisChannelLayer", logger, o.warnIntervalMs);
        const keys = o.symmetricEncryptionKeys;
        this.serializer = new serializer_1.MessageSerializer({
            crypter: keys !== undefined && keys.length > 0 ? fernet_1.MultiFernet.fromPassphrases(keys) : undefined,
            ttlSeconds: o.expiry + 10,
        });
        this.shards = (0, shard_1.openShards)(o, {
            down: (event) => this.emit("down", event),
            up: (event) => this.emit("up", event),
            restoreShard: (index) => this.restoreMemberships(index),
            failShard: (index, error) => this.pending.rejectFor(index, error),
        });
        this.clients = this.shards.map((shard) => (0, scripted_client_1.withScripts)(shard.client));
        const refreshSeconds = o.membershipRefreshSeconds ?? o.groupExpiry / 4;
        this.refresher = new membership_refresher_1.MembershipRefresher(Math.min(refreshSeconds * 1000, 2 ** 31 - 1), () => this.refreshLiveMemberships(), (error) => this.reportBackgroundError({ source: "membership refresh", error: asError(error) }));
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
    /** Deliveries this layer did not make since it started, by reason (each also a `dropped` event). */
    get droppedCounts() {
        return this.drops.counts();
    }
    async newChannel(prefix = "specific") {
        this.assertOpen("newChannel");
        (0, layer_kit_1.validateChannelPrefix)(prefix, 1 + 32 + 1 + 32);
        return `${prefix}.${this.clientPrefix}!${(0, node_crypto_1.randomUUID)().replace(/-/g, "")}`;
    }
    async send(channel, message) {
        this.assertOpen("send");
        (0, layer_kit_1.validateChannelName)(channel);
        (0, layer_kit_1.validateMessage)(message);
        rejectReservedKey(message);
        const bang = channel.indexOf("!");
        if (bang !== -1 && this.isOwn(channel, bang)) {
            // This process drains its queue into local mailboxes as fast as it can: a consumer that
            // stopped reading fills its mailbox, not the Redis queue, and that is where it is full.
            const capacity = this.capacities.get(channel);
            if (this.local.queued(channel) >= capacity)
                return Promise.reject(new core_1.ChannelFull(channel, capacity));
        }
        const nonLocal = bang === -1 ? channel : channel.slice(0, bang + 1);
        // Python hashes the full name here and loses the message on several hosts; the queue's
        // own shard is where its receiver listens.
        const shard = this.shardIndexFor(bang === -1 ? undefined : nonLocal);
        return this.guard("send", shard, this.sendNow(channel, message, bang, nonLocal, shard));
    }
    async sendNow(channel, message, bang, nonLocal, shard) {
        await (0, shard_1.afterRestore)(this.shards);
        const body = bang === -1 ? message : { ...message, [wire_message_1.ASGI_CHANNEL_KEY]: channel };
        const client = this.clients[shard];
        const now = (0, clock_1.scoreNow)();
        const capacity = this.capacities.get(channel);
        const member = this.serializer.serialize(body);
        // Per-channel capacity needs readable `__asgi_channel__` bytes; encrypted queues count per queue, as Python.
        const counted = bang === -1 || this.serializer.encrypted ? "" : channel;
        const key = this.prefix + nonLocal;
        const [full, expired] = await client.layerSend(key, String(now - this.expiry), capacity, String(now), member, this.expirySeconds, counted);
        // Python's queue cleanup drops these without a word; here they are counted.
        if (expired > 0)
            this.reportDrop("expired", { channel: key, count: expired });
        if (full === 1)
            throw new core_1.ChannelFull(channel, capacity);
    }
    async receive(channel, options = {}) {
        const signal = options.signal;
        if (signal?.aborted)
            throw signal.reason;
        if (this.closed)
            throw new core_1.ChannelReceiveAborted(channel, "closed");
        const bang = this.checkReceivable(channel);
        this.recentlyReceived.add(channel);
        const queued = this.local.take(channel);
        if (queued !== undefined)
            return queued;
        const waiting = this.local.wait(channel, signal);
        this.startLoops(channel, bang);
        return waiting;
    }
    /** A message already taken off Redis for `channel`, if any, without waiting or a promise. */
    receiveNowait(channel) {
        if (this.closed)
            throw new core_1.ChannelReceiveAborted(channel, "closed");
        if (!this.local.has(channel)) {
            this.checkReceivable(channel);
            return undefined;
        }
        const bang = channel.indexOf("!");
        if (bang !== -1 && !this.isOwn(channel, bang))
            this.checkReceivable(channel);
        this.recentlyReceived.add(channel);
        return this.local.take(channel);
    }
    /** The next message on `channel` goes to `receiver`, from the receive loop, without a promise. */
    receiveInto(channel, receiver) {
        if (this.closed) {
            receiver.onLayerError(new core_1.ChannelReceiveAborted(channel, "closed"));
            return;
        }
        // A mailbox may also hold a name a foreign writer put in our queue: ownership is checked anyway.
        let bang = channel.indexOf("!");
        if (!this.local.has(channel) || (bang !== -1 && !this.isOwn(channel, bang)))
            bang = this.checkReceivable(channel);
        this.recentlyReceived.add(channel);
        const queued = this.local.take(channel);
        if (queued !== undefined) {
            receiver.onLayerMessage(queued);
            return;
        }
        this.local.waitInto(channel, receiver);
        this.startLoops(channel, bang);
    }
    /** Validates `channel` for a receive here and returns the index of its `!` (-1 for a normal channel). */
    checkReceivable(channel) {
        (0, layer_kit_1.validateChannelName)(channel);
        const bang = channel.indexOf("!");
        if (bang !== -1 && !this.isOwn(channel, bang)) {
            // Its queue is another layer's: popping it here would take every message of that process.
            throw new TypeError(`receive(${JSON.stringify(channel)}): the channel belongs to another layer instance (this one's channels contain ` +
                `${JSON.stringify(this.clientPrefix + "!")}); receive on it with the layer whose newChannel() made it.`);
        }
        return bang;
    }
    isOwn(channel, bang) {
        return channel.startsWith(this.clientPrefix, bang - this.clientPrefix.length);
    }
    async groupAdd(group, channel) {
        this.assertOpen("groupAdd");
        (0, layer_kit_1.validateGroupName)(group);
        (0, layer_kit_1.validateChannelName)(channel);
        const score = (0, clock_1.scoreNow)();
        const key = this.groupKey(group);
        const write = this.groupClient(group)
            .multi()
            .zadd(key, String(score), channel)
            .expire(key, Math.max(1, Math.ceil(this.groupExpiry)))
            .exec();
        await this.guard("groupAdd", this.shardFor(group), write);
        this.memberships.add(group, channel, score);
        this.refresher.start();
    }
    async groupDiscard(group, channel) {
        this.assertOpen("groupDiscard");
        (0, layer_kit_1.validateGroupName)(group);
        (0, layer_kit_1.validateChannelName)(channel);
        this.memberships.remove(group, channel);
        await this.guard("groupDiscard", this.shardFor(group), this.groupClient(group).zrem(this.groupKey(group), channel));
    }
    async groupSend(group, message) {
        this.assertOpen("groupSend");
        (0, layer_kit_1.validateGroupName)(group);
        (0, layer_kit_1.validateMessage)(message);
        rejectReservedKey(message);
        const sent = this.guard("groupSend", -1, this.groupSendNow(group, message));
        // While a host is connecting, reconnecting or down, the caller waits (and sees the failure):
        // only a send already on a live connection is pipelined.
        if (!this.pipelineGroupSends || !this.allSettled())
            return sent;
        // Order is kept by the connection; what fails from here on is reported, not thrown.
        sent.catch((error) => {
            if (this.closed)
                return;
            this.reportBackgroundError({ source: "group send", error: asError(error) });
            this.reportDrop("layer down", { group, count: 1 });
        });
    }
    allSettled() {
        for (const shard of this.shards)
            if (!shard.settled)
                return false;
        return true;
    }
    async groupSendNow(group, message) {
        await (0, shard_1.afterRestore)(this.shards);
        const now = (0, clock_1.scoreNow)();
        if (this.shards.length === 1 && !this.serializer.encrypted && this.uniformCapacity) {
            await this.groupSendInOneCall(group, message, now);
        }
        else {
            await this.groupSendSharded(group, message, now);
        }
    }
    async discardChannel(channel) {
        this.recentlyReceived.delete(channel);
        this.local.discard(channel, new core_1.ChannelReceiveAborted(channel, "discarded"));
        const groups = this.memberships.removeChannel(channel);
        if (this.closed || groups.length === 0)
            return;
        const removals = Promise.all(groups.map((group) => this.groupClient(group).zrem(this.groupKey(group), channel)));
        await this.guard("discardChannel", -1, removals);
    }
    async flush() {
        this.assertOpen("flush");
        this.memberships.clear();
        this.local.clearQueues();
        await this.guard("flush", -1, Promise.all(this.clients.map((client) => client.layerDeletePrefix(this.prefix + "*"))));
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        this.refresher.stop();
        if (this.sweepTimer !== undefined)
            clearInterval(this.sweepTimer);
        for (const loop of this.loops.values())
            loop.stop();
        this.loops.clear();
        this.local.closeAll((channel) => new core_1.ChannelReceiveAborted(channel, "closed"));
        // ioredis never settles commands queued for a connection it is reconnecting when disconnected.
        this.pending.rejectAll((operation) => new core_1.ChannelLayerClosed(operation));
        for (const shard of this.shards)
            shard.close();
        this.drops.flush();
    }
    /** One script call does Python's whole group send (single host, no encryption, one capacity). */
    async groupSendInOneCall(group, message, now) {
        const head = this.serializer.pack({ ...message, [wire_message_1.ASGI_CHANNEL_KEY]: null });
        // The map ends with the key and a nil (0xc0) placeholder; the script appends the real list.
        const headBytes = Buffer.from(head.subarray(0, head.length - 1));
        const prefixBytes = this.serializer.frame(new Uint8Array(0));
        const [, over, expired] = await this.clients[0].layerGroupSendAll(this.groupKey(group), this.prefix, prefixBytes, headBytes, String(now), String(now - this.groupExpiry), String(now - this.expiry), this.capacity, this.expirySeconds);
        // Full members are skipped, as in Python, but not silently (Python logs them at INFO).
        if (over > 0)
            this.reportDrop("channel full", { group, count: over });
        if (expired > 0)
            this.reportDrop("expired", { group, count: expired });
    }
    /** Python's algorithm: list the members on the group's host, then one script call per target host. */
    async groupSendSharded(group, message, now) {
        const key = this.groupKey(group);
        const replies = await this.groupClient(group)
            .multi()
            .zremrangebyscore(key, 0, String(now - this.groupExpiry))
            .zrange(key, 0, -1)
            .exec();
        const members = replies?.[1]?.[1];
        if (!Array.isArray(members) || members.length === 0)
            return;
        const buckets = new Map();
        for (const name of members) {
            const bang = name.indexOf("!");
            const nonLocal = bang === -1 ? name : name.slice(0, bang + 1);
            const channelKey = this.prefix + nonLocal;
            const bucket = buckets.get(channelKey);
            if (bucket === undefined)
                buckets.set(channelKey, { names: [name], shard: (0, consistent_hash_1.consistentHash)(nonLocal, this.shards.length) });
            else
                bucket.names.push(name);
        }
        const byShard = new Map();
        for (const [channelKey, bucket] of buckets) {
            const keys = byShard.get(bucket.shard);
            if (keys === undefined)
                byShard.set(bucket.shard, [channelKey]);
            else
                keys.push(channelKey);
        }
        const cutoff = String(now - this.expiry);
        const skipped = await Promise.all([...byShard].map(([shard, keys]) => {
            const client = this.clients[shard];
            const payloads = keys.map((k) => this.serializer.serialize({ ...message, [wire_message_1.ASGI_CHANNEL_KEY]: buckets.get(k).names }));
            const capacities = keys.map((k) => this.capacities.get(buckets.get(k).names[0]));
            const reload = () => client.script("LOAD", lua_scripts_1.GROUP_SEND_CAPPED);
            return execChecked(reload, () => {
                const transaction = client.multi();
                for (const channelKey of keys)
                    transaction.zremrangebyscore(channelKey, 0, cutoff);
                transaction.layerGroupSendCapped(keys.length, ...keys, ...payloads, ...capacities, String(now), this.expirySeconds);
                return transaction.exec();
            });
        }));
        // Python's script counts the queues it skipped (all members of a process on one queue); the
        // ZREMRANGEBYSCOREs before it, the expired messages they removed from member queues.
        let over = 0;
        let expired = 0;
        for (const replies of skipped) {
            if (replies === null)
                continue;
            replies.forEach(([, value], i) => {
                if (i === replies.length - 1)
                    over += Number(value ?? 0);
                else
                    expired += Number(value ?? 0);
            });
        }
        if (over > 0)
            this.reportDrop("channel full", { group, count: over });
        if (expired > 0)
            this.reportDrop("expired", { group, count: expired });
    }
    startLoops(channel, bang) {
        const normal = bang === -1;
        const key = bang === this.defaultNonLocal.length - 1 && channel.startsWith(this.defaultNonLocal)
            ? this.defaultKey
            : this.prefix + (normal ? channel : channel.slice(0, bang + 1));
        const own = !normal;
        if (own && this.ownLoopsRunning(key))
            return;
        if (this.sweepTimer === undefined) {
            const idleMs = Math.max(1000, this.expiry * 1000);
            this.sweepTimer = setInterval(() => this.local.sweep(idleMs), idleMs);
            this.sweepTimer.unref();
        }
        // Normal channels are spread round-robin over hosts by every sender, so they are popped on
        // all hosts; so is our own queue, where Python's multi-host direct sends land on the wrong shard.
        for (const shard of this.shards) {
            const index = shard.index;
            const id = `${index}:${key}`;
            let loop = this.loops.get(id);
            if (loop === undefined) {
                loop = new receive_loop_1.ReceiveLoop({
                    shard,
                    key,
                    blockSeconds: own ? this.blockSeconds : Math.min(this.blockSeconds, 1),
                    // Popping only while someone waits leaves the backlog in Redis, where send() sees it and throws ChannelFull.
                    keepGoing: own
                        ? () => !this.closed && this.local.totalWaiting > 0
                        : () => !this.closed && this.local.waiting(channel) > 0,
                    keepConnection: own,
                    idleMs: NORMAL_CONNECTION_IDLE_MS,
                    // A normal channel's waiters, all served from this one queue (other workers may pop it too).
                    wanted: () => this.local.waiting(channel),
                    // Only this process reads its own queue: take what is there, a batch per round trip.
                    batch: own ? OWN_QUEUE_BATCH : undefined,
                    readerKey: own ? key + lua_scripts_1.READER_KEY_SUFFIX : undefined,
                    onPayload: (member, score, rawScore) => this.onPayload(index, key, normal ? channel : undefined, member, score, rawScore),
                    onError: (error) => this.reportBackgroundError({ source: "receive loop", key, error }),
                });
                this.loops.set(id, loop);
                if (own) {
                    const loops = this.ownLoops.get(key);
                    if (loops === undefined)
                        this.ownLoops.set(key, [loop]);
                    else
                        loops.push(loop);
                }
            }
            if (own && !loop.active) {
                // Marked at once on the layer's connection, ahead of any send this process makes next: the
                // loop's own connection may still be connecting when a burst of group sends arrives.
                this.clients[index]
                    .set(key + lua_scripts_1.READER_KEY_SUFFIX, "1", "PX", (0, lua_scripts_1.readerTtlMs)(this.blockSeconds))
                    .catch(noop);
            }
            loop.start();
        }
    }
    /** Whether every loop on this own queue runs (the common case: nothing to start). */
    ownLoopsRunning(key) {
        const loops = this.ownLoops.get(key);
        if (loops === undefined || loops.length !== this.shards.length)
            return false;
        for (const loop of loops)
            if (!loop.active)
                return false;
        return true;
    }
    onPayload(shard, key, normalChannel, member, score, rawScore) {
        if (score < Date.now() / 1000 - this.expiry) {
            // Older than expiry: Python's queue cleanup would have dropped it.
            this.reportDrop("expired", { channel: normalChannel ?? key, count: 1 });
            return;
        }
        if (normalChannel !== undefined && this.local.waiting(normalChannel) === 0) {
            // The receive that asked for it was aborted while the pop was in flight: another worker may
            // want it, so it goes back in the queue, where it was, rather than into a mailbox nobody reads.
            this.clients[shard]
                .zadd(key, rawScore, member)
                .catch(() => this.reportDrop("layer down", { channel: normalChannel, count: 1 })); // lost, as Python loses a pop in flight
            return;
        }
        let parsed;
        try {
            parsed = (0, wire_message_1.parseWireMessage)(this.serializer.deserialize(member));
        }
        catch (error) {
            this.reportMalformed(key, error);
            return;
        }
        const targets = parsed.channels ?? normalChannel;
        if (targets === undefined) {
            this.reportMalformed(key, new Error(`a message on a specific queue has no ${wire_message_1.ASGI_CHANNEL_KEY}`));
            return;
        }
        if (typeof targets === "string")
            this.local.deliver(targets, parsed.message);
        else
            for (const target of targets)
                this.local.deliver(target, parsed.message);
    }
    reportMalformed(key, error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.malformed.report(`Redis key ${JSON.stringify(key)}`, reason);
        this.emit("malformed", { source: key, reason });
        this.reportDrop("undecodable", { channel: key, count: 1 }, false); // the malformed warning said it
    }
    /** Count, log (rate-limited) and emit deliveries not made. */
    reportDrop(reason, where, log = true) {
        const name = where.group !== undefined ? `group ${JSON.stringify(where.group)}` : `channel ${JSON.stringify(where.channel)}`;
        this.drops.report(reason, name, where.count, log);
        this.emit("dropped", { reason, ...where });
    }
    reportBackgroundError(event) {
        const where = event.key === undefined ? event.source : `${event.source} on ${JSON.stringify(event.key)}`;
        this.backgroundErrors.report(where, event.error);
        this.emit("backgroundError", event);
    }
    /** Re-add, with a fresh score, the memberships of channels whose consumers are still receiving. */
    async refreshLiveMemberships() {
        const live = (channel) => this.recentlyReceived.has(channel) || this.local.waiting(channel) > 0;
        const score = (0, clock_1.scoreNow)();
        const writes = [];
        for (const [group, members] of this.memberships.groups()) {
            const fresh = [];
            for (const [channel] of members) {
                if (!live(channel))
                    continue;
                members.set(channel, score);
                fresh.push(String(score), channel);
            }
            if (fresh.length > 0)
                writes.push(this.writeMembers(group, fresh));
        }
        this.recentlyReceived.clear();
        await Promise.all(writes);
    }
    /** After a reconnect: put back every membership still within `groupExpiry`, at its own score. */
    async restoreMemberships(shard) {
        const oldest = (0, clock_1.scoreNow)() - this.groupExpiry;
        const writes = [];
        for (const [group, members] of this.memberships.groups()) {
            if (this.shardFor(group) !== shard)
                continue;
            const entries = [];
            for (const [channel, score] of members)
                if (score > oldest)
                    entries.push(String(score), channel);
            if (entries.length > 0)
                writes.push(this.writeMembers(group, entries));
        }
        await Promise.all(writes);
    }
    writeMembers(group, scoreChannelPairs) {
        const key = this.groupKey(group);
        return this.groupClient(group)
            .multi()
            .zadd(key, ...scoreChannelPairs)
            .expire(key, Math.max(1, Math.ceil(this.groupExpiry)))
            .exec();
    }
    groupKey(group) {
        return `${this.prefix}:group:${group}`;
    }
    groupClient(group) {
        return this.clients[this.shardFor(group)];
    }
    shardFor(value) {
        return (0, consistent_hash_1.consistentHash)(value, this.shards.length);
    }
    /** The host of a queue: by its non-local name, or round-robin for normal channels (as Python). */
    shardIndexFor(nonLocal) {
        if (nonLocal !== undefined)
            return this.shardFor(nonLocal);
        this.roundRobin = (this.roundRobin + 1) % this.clients.length;
        return this.roundRobin;
    }
    /**
     * `work`, settled early by close() (ChannelLayerClosed) or by an outage of its host (`shard`,
     * or any host for -1) lasting `operationTimeoutMs` (RedisHostUnavailable).
     */
    guard(operation, shard, work) {
        if (this.closed) {
            work.catch(noop);
            return Promise.reject(new core_1.ChannelLayerClosed(operation));
        }
        for (const candidate of this.shards) {
            const unavailable = candidate.unavailable;
            if (unavailable !== undefined && (shard === -1 || shard === candidate.index)) {
                work.catch(noop);
                return Promise.reject(unavailable);
            }
        }
        return this.pending.track(operation, shard, work);
    }
    assertOpen(method) {
        if (this.closed)
            throw new core_1.ChannelLayerClosed(method);
    }
}
exports.RedisChannelLayer = RedisChannelLayer;
/**
 * Run a MULTI built by `build` and throw the first error inside EXEC (ioredis resolves EXEC with
 * per-command errors). On NOSCRIPT (SCRIPT FLUSH, or a restart: ioredis remembers a script as
 * loaded per connection and so sends only EVALSHA) the script is loaded and the MULTI run once more.
 */
async function execChecked(reload, build) {
    for (let attempt = 0;; attempt++) {
        const replies = await build().catch((error) => [[asError(error), null]]);
        const failed = replies?.find(([error]) => error !== null)?.[0];
        if (failed === undefined || failed === null)
            return replies;
        if (attempt === 0 && failed.message.includes("NOSCRIPT")) {
            await reload();
            continue;
        }
        throw failed;
    }
}
function asError(error) {
    return error instanceof Error ? error : new Error(String(error));
}
function rejectReservedKey(message) {
    if (wire_message_1.ASGI_CHANNEL_KEY in message) {
        throw new TypeError(`Message key ${JSON.stringify(wire_message_1.ASGI_CHANNEL_KEY)} is reserved for the Redis layer; rename it.`);
    }
}
/**
 * Most messages one round trip takes off this process's queue. Larger batches cost fewer round
 * trips; this one bounds how long one batch holds the event loop (each message may name hundreds
 * of local channels).
 */
const OWN_QUEUE_BATCH = 256;
/** How long a normal channel's blocking connection outlives its last receive (workers receive again soon). */
const NORMAL_CONNECTION_IDLE_MS = 5000;
function noop() { }
function stripUndefined(options) {
    return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
//# sourceMappingURL=redis-channel-layer.js.map