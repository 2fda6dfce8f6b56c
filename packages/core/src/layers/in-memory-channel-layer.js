"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryChannelLayer = void 0;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../errors");
const layer_errors_1 = require("./layer-errors");
const layer_options_1 = require("./layer-options");
const message_queue_1 = require("./message-queue");
const frozen_copy_1 = require("./frozen-copy");
const validate_names_1 = require("./validate-names");
const KNOWN_OPTIONS = new Set(["expiry", "groupExpiry", "capacity", "channelCapacity"]);
const SUFFIX_LENGTH = 12;
/** A receive() waiting on an empty channel. It is its own abort listener: no closure per receive. */
class PendingReceive {
    channel;
    signal;
    onAbort;
    resolve;
    reject;
    promise;
    constructor(channel, signal, onAbort) {
        this.channel = channel;
        this.signal = signal;
        this.onAbort = onAbort;
        this.promise = new Promise((resolve, reject) => {
            this.resolve = resolve;
            this.reject = reject;
        });
        signal?.addEventListener("abort", this, { once: true });
    }
    onLayerMessage(message) {
        this.signal?.removeEventListener("abort", this);
        this.resolve(message);
    }
    onLayerError(reason) {
        this.signal?.removeEventListener("abort", this);
        this.reject(reason);
    }
    handleEvent() {
        this.onAbort(this);
        this.reject(this.signal?.reason);
    }
}
/** One channel: its queue, its waiting receivers, and the groups it is in (the reverse index). */
class ChannelState {
    name;
    capacity;
    queue = new message_queue_1.MessageQueue();
    /**
     * Receivers waiting on the empty queue (receive() promises and receiveInto() receivers), in
     * the order they started waiting: a sent message goes straight to the first. One waits at a
     * time in practice, so it is a field, and an array holds only the ones after it.
     */
    firstWaiter = undefined;
    laterWaiters = undefined;
    get hasWaiters() {
        return this.firstWaiter !== undefined;
    }
    addWaiter(waiter) {
        if (this.firstWaiter === undefined)
            this.firstWaiter = waiter;
        else
            (this.laterWaiters ??= []).push(waiter);
    }
    /** The first waiter, removed; undefined when none waits. */
    takeWaiter() {
        const waiter = this.firstWaiter;
        if (waiter !== undefined)
            this.firstWaiter = this.laterWaiters?.shift();
        return waiter;
    }
    /** Every waiter, removed first: one that waits again from its callback waits afresh. */
    takeAllWaiters() {
        const first = this.firstWaiter;
        if (first === undefined)
            return [];
        const all = [first, ...(this.laterWaiters ?? [])];
        this.firstWaiter = undefined;
        this.laterWaiters = undefined;
        return all;
    }
    removeWaiter(waiter) {
        if (this.firstWaiter === waiter) {
            this.firstWaiter = this.laterWaiters?.shift();
        }
        else if (this.laterWaiters !== undefined) {
            const index = this.laterWaiters.indexOf(waiter);
            if (index !== -1)
                this.laterWaiters.splice(index, 1);
        }
    }
    /** The groups it is in (the reverse index); made at the first groupAdd, as most channels join one group or none. */
    groups = undefined;
    constructor(name, capacity) {
        this.name = name;
        this.capacity = capacity;
    }
}
/**
 * Channels' InMemoryChannelLayer: one process, no network, for development and tests.
 *
 * Messages are delivered by reference: `groupSend` hands the same object to every member and
 * `send` does not copy either, so a received message must be treated as read-only (validation
 * guarantees it holds only plain data). Expiry is lazy: a message's deadline is checked when
 * its channel is used, and every `expiry` seconds (at most) the next operation sweeps the whole
 * layer, so dead channels do not pile up; there is no timer.
 *
 * Unlike Channels' in-memory layer, a message expiring does not remove its channel from its
 * groups: channels_redis does not either, and consumers leave through `discardChannel()`, so
 * every layer behaves alike. `flush()` keeps pending receives waiting (they are listeners, not
 * state); `close()` rejects them. After `close()`, `groupDiscard`, `discardChannel`, `flush` and
 * `close` are no-ops, so consumers that end during shutdown do not fail; anything else rejects
 * with `ChannelLayerClosed`.
 */
class InMemoryChannelLayer {
    extensions = Object.freeze(["groups", "flush"]);
    /** Seconds, as configured. */
    expiry;
    groupExpiry;
    capacity;
    expiryMs;
    groupExpiryMs;
    capacities;
    channels = new Map();
    groups = new Map();
    nextSweepAt;
    closed = false;
    onAbort = (pending) => {
        pending.channel.removeWaiter(pending);
        this.releaseIfIdle(pending.channel);
    };
    constructor(options = {}) {
        for (const key of Object.keys(options)) {
            if (!KNOWN_OPTIONS.has(key)) {
                const value = options[key];
                throw new layer_errors_1.InvalidLayerOption(key, value, `no such option; use ${[...KNOWN_OPTIONS].join(", ")}`);
            }
        }
        const resolved = (0, layer_options_1.resolveLayerOptions)(options);
        this.expiryMs = resolved.expiryMs;
        this.groupExpiryMs = resolved.groupExpiryMs;
        this.capacities = resolved.capacities;
        this.expiry = this.expiryMs / 1000;
        this.groupExpiry = this.groupExpiryMs / 1000;
        this.capacity = resolved.capacities.defaultCapacity;
        this.nextSweepAt = performance.now() + this.sweepIntervalMs();
    }
    async newChannel(prefix = "specific") {
        this.assertOpen("newChannel");
        (0, validate_names_1.validateChannelPrefix)(prefix, SUFFIX_LENGTH + ".inmemory".length);
        let name;
        do {
            name = `${prefix}.inmemory!${randomSuffix()}`;
        } while (this.channels.has(name));
        return name;
    }
    async send(channel, message) {
        this.assertOpen("send");
        (0, validate_names_1.validateChannelName)(channel);
        const copy = (0, frozen_copy_1.validatedFrozenCopy)(message);
        const now = performance.now();
        this.sweepIfDue(now);
        const state = this.channelState(channel);
        if (!this.deliver(state, copy, now))
            throw new errors_1.ChannelFull(channel, state.capacity);
    }
    // Not async: a waiting receiver gets its message without an extra promise hop.
    receive(channel, options) {
        try {
            this.assertOpen("receive");
            (0, validate_names_1.validateChannelName)(channel);
            const signal = options?.signal;
            if (signal?.aborted === true)
                return Promise.reject(signal.reason);
            const now = performance.now();
            this.sweepIfDue(now);
            const state = this.channelState(channel);
            const message = this.takeQueued(state, now);
            if (message !== undefined)
                return Promise.resolve(message);
            const pending = new PendingReceive(state, signal, this.onAbort);
            state.addWaiter(pending);
            return pending.promise;
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    receiveInto(channel, receiver) {
        this.assertOpen("receive");
        // A channel with state has a valid name already: a consumer's wait costs no regular expression.
        let state = this.channels.get(channel);
        if (state === undefined) {
            (0, validate_names_1.validateChannelName)(channel);
            state = this.channelState(channel);
        }
        const message = state.queue.length === 0 ? undefined : this.takeQueued(state, performance.now());
        if (message !== undefined)
            receiver.onLayerMessage(message);
        else
            state.addWaiter(receiver);
    }
    receiveNowait(channel) {
        this.assertOpen("receive");
        const state = this.channels.get(channel);
        if (state === undefined) {
            (0, validate_names_1.validateChannelName)(channel);
            return undefined;
        }
        return state.queue.length === 0 ? undefined : this.takeQueued(state, performance.now());
    }
    /** The oldest unexpired message queued on `state`, if any. */
    takeQueued(state, now) {
        state.queue.dropExpired(now);
        const message = state.queue.shift();
        if (message !== undefined)
            this.releaseIfIdle(state);
        return message;
    }
    async groupAdd(group, channel) {
        this.assertOpen("groupAdd");
        (0, validate_names_1.validateGroupName)(group);
        (0, validate_names_1.validateChannelName)(channel);
        const now = performance.now();
        this.sweepIfDue(now);
        const state = this.channelState(channel);
        let members = this.groups.get(group);
        if (members === undefined) {
            members = new Map();
            this.groups.set(group, members);
        }
        const membership = members.get(channel);
        if (membership === undefined)
            members.set(channel, { channel: state, deadline: now + this.groupExpiryMs });
        else
            membership.deadline = now + this.groupExpiryMs;
        (state.groups ??= new Set()).add(group);
    }
    async groupDiscard(group, channel) {
        if (this.closed)
            return;
        (0, validate_names_1.validateGroupName)(group);
        (0, validate_names_1.validateChannelName)(channel);
        const state = this.channels.get(channel);
        if (state === undefined)
            return;
        this.leaveGroup(group, state);
        this.releaseIfIdle(state);
    }
    async groupSend(group, message) {
        this.assertOpen("groupSend");
        // A group in the map was validated when it was joined: only an unknown name costs the check.
        if (!this.groups.has(group))
            (0, validate_names_1.validateGroupName)(group);
        const shared = (0, frozen_copy_1.validatedFrozenCopy)(message);
        const now = performance.now();
        this.sweepIfDue(now);
        const members = this.groups.get(group);
        if (members === undefined)
            return;
        for (const membership of members.values()) {
            if (membership.deadline <= now) {
                this.leaveGroup(group, membership.channel);
                this.releaseIfIdle(membership.channel);
            }
            else {
                // A full member is skipped: one slow consumer must not stop the others.
                this.deliver(membership.channel, shared, now);
            }
        }
    }
    async discardChannel(channel) {
        if (this.closed)
            return;
        (0, validate_names_1.validateChannelName)(channel);
        const state = this.channels.get(channel);
        if (state === undefined)
            return;
        this.channels.delete(channel);
        this.leaveAllGroups(state);
        state.queue.clear();
        for (const waiter of state.takeAllWaiters())
            waiter.onLayerError(new layer_errors_1.ChannelReceiveAborted(channel, "discarded"));
    }
    async flush() {
        if (this.closed)
            return;
        this.groups.clear();
        for (const state of this.channels.values()) {
            state.queue.clear();
            state.groups = undefined;
            this.releaseIfIdle(state);
        }
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        const channels = this.channels;
        this.channels = new Map();
        this.groups = new Map();
        for (const state of channels.values()) {
            for (const waiter of state.takeAllWaiters())
                waiter.onLayerError(new layer_errors_1.ChannelReceiveAborted(state.name, "closed"));
        }
    }
    /** Counts for tests and monitoring: live channels, groups, and messages waiting in queues. */
    stats() {
        let queuedMessages = 0;
        for (const state of this.channels.values())
            queuedMessages += state.queue.length;
        return { channels: this.channels.size, groups: this.groups.size, queuedMessages };
    }
    /** Hands `message` to a waiting receiver or queues it; false when the channel is full. */
    deliver(state, message, now) {
        const waiter = state.takeWaiter();
        if (waiter !== undefined) {
            try {
                waiter.onLayerMessage(message);
            }
            catch (error) {
                // A receiver that throws (against the contract) fails alone; the group send goes on.
                waiter.onLayerError(error);
            }
            return true;
        }
        if (state.queue.length >= state.capacity) {
            state.queue.dropExpired(now);
            if (state.queue.length >= state.capacity)
                return false;
        }
        state.queue.push(message, now + this.expiryMs);
        return true;
    }
    channelState(name) {
        let state = this.channels.get(name);
        if (state === undefined) {
            state = new ChannelState(name, this.capacities.get(name));
            this.channels.set(name, state);
        }
        return state;
    }
    leaveGroup(group, state) {
        const members = this.groups.get(group);
        if (members !== undefined && members.delete(state.name) && members.size === 0)
            this.groups.delete(group);
        state.groups?.delete(group);
    }
    leaveAllGroups(state) {
        if (state.groups === undefined)
            return;
        for (const group of state.groups) {
            const members = this.groups.get(group);
            if (members !== undefined && members.delete(state.name) && members.size === 0)
                this.groups.delete(group);
        }
        state.groups = undefined;
    }
    /** Forgets a channel nobody is using, so the map holds only live channels. */
    releaseIfIdle(state) {
        if (state.queue.length === 0 && !state.hasWaiters && (state.groups === undefined || state.groups.size === 0)) {
            if (this.channels.get(state.name) === state)
                this.channels.delete(state.name);
        }
    }
    sweepIfDue(now) {
        if (now < this.nextSweepAt)
            return;
        this.nextSweepAt = now + this.sweepIntervalMs();
        for (const [group, members] of this.groups) {
            for (const membership of members.values()) {
                if (membership.deadline <= now)
                    this.leaveGroup(group, membership.channel);
            }
        }
        for (const state of this.channels.values()) {
            state.queue.dropExpired(now);
            this.releaseIfIdle(state);
        }
    }
    sweepIntervalMs() {
        return Math.min(this.expiryMs, this.groupExpiryMs);
    }
    assertOpen(operation) {
        if (this.closed)
            throw new layer_errors_1.ChannelLayerClosed(operation);
    }
}
exports.InMemoryChannelLayer = InMemoryChannelLayer;
/** Random bytes drawn in batches: one call to the generator per 455 channel names, not one per name. */
const SUFFIX_BYTES = (SUFFIX_LENGTH * 3) / 4;
const randomPool = Buffer.alloc(SUFFIX_BYTES * 455);
let randomOffset = randomPool.length;
/** `SUFFIX_LENGTH` random base64url characters. */
function randomSuffix() {
    if (randomOffset === randomPool.length) {
        (0, node_crypto_1.randomFillSync)(randomPool);
        randomOffset = 0;
    }
    const start = randomOffset;
    randomOffset += SUFFIX_BYTES;
    return randomPool.toString("base64url", start, randomOffset);
}
//# sourceMappingURL=in-memory-channel-layer.js.map