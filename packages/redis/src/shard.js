"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisShard = void 0;
exports.openShards = openShards;
exports.connectShards = connectShards;
exports.firstUnavailable = firstUnavailable;
exports.afterRestore = afterRestore;
const core_1 = require("@channels-ts/core");
const hosts_1 = require("./hosts");
const redis_host_unavailable_1 = require("./redis-host-unavailable");
/**
 * One Redis host: a command connection plus any dedicated connections (blocking pops,
 * subscriptions) created from it. It turns ioredis's per-connection events into one
 * `down` when any watched connection drops and one `up` once all are ready and the layer
 * has restored its state (memberships, subscriptions) on that host.
 */
class RedisShard {
    index;
    host;
    policy;
    hooks;
    client;
    name;
    watched = new Set();
    owned = new Set();
    isDown = false;
    /** Set once any watched connection has been ready: until then a failure means "unreachable", not "outage". */
    everReady = false;
    lastError;
    closed = false;
    // Open while the host is up and the layer's state on it is restored. Sends wait on it, so that a
    // send made during an outage is not replayed (ioredis's offline queue) before this process's
    // memberships and subscriptions are back, which would lose it for this process's own members.
    restored = Promise.resolve();
    openGate;
    failGate;
    outageTimer;
    unavailableError;
    constructor(index, host, policy, hooks) {
        this.index = index;
        this.host = host;
        this.policy = policy;
        this.hooks = hooks;
        this.name = (0, hosts_1.describeHost)(host);
        this.client = this.open({}, true);
    }
    /** A dedicated connection (commands on it never wait behind a blocking pop elsewhere). */
    open(extra, watch) {
        const client = (0, hosts_1.createClient)(this.host, this.policy, extra);
        this.owned.add(client);
        client.on("error", (error) => {
            this.lastError = error;
        });
        // ioredis ends a connection for good when a connect attempt fails before there is a socket
        // (in Sentinel mode: no Sentinel answered, or the failover detector cut a reconnect short).
        // The layer still owns it: that is an outage like a dropped socket, and it connects again.
        client.on("end", () => this.revive(client, watch));
        if (watch) {
            this.watched.add(client);
            client.on("close", () => this.onClose());
            client.on("ready", () => this.onReady());
        }
        return client;
    }
    revivals = new Map();
    revive(client, watched) {
        if (this.closed || !this.owned.has(client))
            return;
        if (watched)
            this.onClose();
        const attempt = (this.revivals.get(client) ?? 0) + 1;
        this.revivals.set(client, attempt);
        const { reconnectMinDelayMs: min, reconnectMaxDelayMs: max } = this.policy;
        const timer = setTimeout(() => {
            if (!this.closed && this.owned.has(client) && client.status === "end")
                client.connect().catch(noop);
        }, Math.min(min * 2 ** Math.min(attempt - 1, 16), max));
        timer.unref();
        client.once("ready", () => this.revivals.delete(client));
    }
    /** Stop and forget a connection made with `open`. */
    release(client) {
        this.owned.delete(client);
        this.watched.delete(client);
        client.disconnect();
    }
    /** True once the host is up and the layer's state on it in place: neither a first connection nor a reconnect pending. */
    get settled() {
        return this.everReady && this.openGate === undefined;
    }
    /** True from a connection drop until the layer's state on this host is restored. */
    get restoring() {
        return this.openGate !== undefined;
    }
    /** Resolves once the host is up and restored (at once when it is); rejects once it has been down too long. */
    whenRestored() {
        return this.restored;
    }
    /** Set while the host has been down for longer than `operationTimeoutMs`: fail instead of waiting. */
    get unavailable() {
        return this.unavailableError;
    }
    /**
     * Connects now rather than on the first command. Resolves once the host is up (and, after an
     * outage, restored); rejects with `RedisHostUnavailable` when it cannot be reached. Either way
     * the connection keeps retrying on its own.
     */
    connect() {
        if (this.client.status === "wait")
            this.client.connect().catch(noop); // failures arrive as close events
        if (this.unavailableError !== undefined)
            return Promise.reject(this.unavailableError);
        if (this.everReady)
            return this.whenRestored();
        return new Promise((resolve, reject) => {
            this.firstContact.push({ resolve, reject });
        });
    }
    firstContact = [];
    settleFirstContact(error) {
        const waiting = this.firstContact.splice(0);
        for (const { resolve, reject } of waiting)
            if (error === undefined)
                resolve();
            else
                reject(error);
    }
    close() {
        this.closed = true;
        this.settleFirstContact(new core_1.ChannelLayerClosed("connect"));
        this.releaseGate();
        this.clearOutage();
        for (const client of this.owned)
            client.disconnect();
        this.owned.clear();
        this.watched.clear();
    }
    onClose() {
        if (this.closed || this.isDown)
            return;
        this.isDown = true;
        if (this.openGate === undefined) {
            this.restored = new Promise((resolve, reject) => {
                this.openGate = resolve;
                this.failGate = reject;
            });
            this.restored.catch(noop); // Only callers that wait on it care.
        }
        const firstConnection = !this.everReady;
        const error = this.lastError ?? new Error(`the connection to ${this.name} closed`);
        this.hooks.down({ shard: this.index, host: this.name, error, firstConnection });
        if (firstConnection) {
            // Never reached: nothing to wait out (a restart is brief, a wrong URL or a Redis not
            // started is not), so operations fail now and the connection keeps retrying.
            this.giveUp();
        }
        else if (this.outageTimer === undefined && this.unavailableError === undefined) {
            // One timer per outage, not per operation: when it fires, everything waiting on this host fails.
            this.outageTimer = setTimeout(() => this.giveUp(), this.policy.operationTimeoutMs);
            this.outageTimer.unref();
        }
    }
    onReady() {
        if (this.closed)
            return;
        this.lastError = undefined; // a later `down` must not report an error from an earlier outage
        if (!this.isDown) {
            this.everReady = true;
            this.settleFirstContact(undefined);
            return;
        }
        // A lazy connection that was never used ("wait") connects on its first command: not a blocker.
        for (const client of this.watched)
            if (client.status !== "ready" && client.status !== "wait")
                return;
        this.isDown = false;
        this.hooks
            .restore(this)
            .catch((error) => {
            // A failed restore means the host dropped again; its next `ready` restores once more.
            this.lastError = error instanceof Error ? error : new Error(String(error));
        })
            .finally(() => {
            if (this.closed || this.isDown)
                return;
            this.everReady = true;
            this.releaseGate();
            this.settleFirstContact(undefined);
            this.hooks.up({ shard: this.index, host: this.name });
        });
    }
    giveUp() {
        this.outageTimer = undefined;
        if (this.closed || !this.restoring)
            return;
        const downForMs = this.everReady ? this.policy.operationTimeoutMs : undefined;
        const error = new redis_host_unavailable_1.RedisHostUnavailable(this.name, downForMs, this.lastError);
        this.unavailableError = error;
        this.settleFirstContact(error);
        this.failGate?.(error);
        // Later operations see the failed gate at once, until the host is back.
        this.restored = Promise.reject(error);
        this.restored.catch(noop);
        this.hooks.unavailable(this, error);
    }
    clearOutage() {
        if (this.outageTimer !== undefined)
            clearTimeout(this.outageTimer);
        this.outageTimer = undefined;
        this.unavailableError = undefined;
    }
    releaseGate() {
        const open = this.openGate;
        this.openGate = undefined;
        this.failGate = undefined;
        this.restored = Promise.resolve();
        this.clearOutage();
        open?.();
    }
}
exports.RedisShard = RedisShard;
function noop() { }
/** One shard per host, in `hosts` order (the order the consistent hash indexes). */
function openShards(options, owner) {
    const policy = {
        reconnectMinDelayMs: options.reconnectMinDelayMs,
        reconnectMaxDelayMs: options.reconnectMaxDelayMs,
        operationTimeoutMs: options.operationTimeoutMs,
    };
    const hooks = {
        down: (event) => owner.down(event),
        up: (event) => owner.up(event),
        restore: (shard) => owner.restoreShard(shard.index),
        unavailable: (shard, error) => owner.failShard(shard.index, error),
    };
    return (0, hosts_1.normalizeHosts)(options.hosts).map((host, index) => new RedisShard(index, host, policy, hooks));
}
/** `connect()` on every shard: resolves once all are up, rejects with the first host found unreachable. */
async function connectShards(shards) {
    await Promise.all(shards.map((shard) => shard.connect()));
}
/** The error operations on `shards` fail with right now, if a host is unavailable. */
function firstUnavailable(shards) {
    for (const shard of shards)
        if (shard.unavailable !== undefined)
            return shard.unavailable;
    return undefined;
}
/** Waits while any host is reconnecting, so a send lands after this process's state is back. */
async function afterRestore(shards) {
    for (const shard of shards)
        if (shard.restoring)
            await shard.whenRestored();
}
//# sourceMappingURL=shard.js.map