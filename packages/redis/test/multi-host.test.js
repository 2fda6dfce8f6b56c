"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const ioredis_1 = __importDefault(require("ioredis"));
const redis_1 = require("@channels-ts/redis");
const consistent_hash_1 = require("../src/consistent-hash");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const json_lines_peer_1 = require("./json-lines-peer");
const wire_json_1 = require("./wire-json");
// Two private redis-servers are the shards [A, B] of every layer here, in that order (the hash
// picks an index into hosts, so every peer must list them in the same order).
const RING = 2;
const RECEIVE_MS = 5000;
const SCRIPT = (0, node_path_1.join)(__dirname, "python", "multi_host.py");
const shardOf = (value) => (0, consistent_hash_1.consistentHash)(value, RING);
/** `specific.<client prefix>!`: the process queue a specific channel belongs to. */
const nonLocal = (channel) => channel.slice(0, channel.indexOf("!") + 1);
/** True for the channels Python 4.0.0 sends to the wrong host (it hashes the full name). */
const pythonMisroutes = (channel) => shardOf(channel) !== shardOf(nonLocal(channel));
/** One name per shard from `name(0)`, `name(1)`, ..., hashing `hashed(name)`. */
function namePerShard(name, hashed = (n) => n) {
    const found = new Array(RING).fill(undefined);
    for (let i = 0; i < 1000 && found.includes(undefined); i++) {
        const candidate = name(i);
        found[shardOf(hashed(candidate))] ??= candidate;
    }
    if (found.includes(undefined))
        throw new Error("no name for every shard in 1000 tries");
    return found;
}
async function channelWhere(newChannel, wanted, what) {
    for (let i = 0; i < 200; i++) {
        const channel = await newChannel();
        if (wanted(channel))
            return channel;
    }
    throw new Error(`no new channel ${what} in 200 tries`);
}
/** A queue layer whose process queue hashes to `shard` (client prefixes are random). */
async function queueLayerOnShard(shard, hosts, prefix) {
    for (let i = 0; i < 200; i++) {
        // Group sends wait for Redis's reply: these tests read the keys as soon as they resolve.
        const layer = new redis_1.RedisChannelLayer({ hosts, prefix, pipelineGroupSends: false });
        if (shardOf(`specific.${layer.clientPrefix}!`) === shard)
            return layer;
        await layer.close(); // connections are lazy: nothing was opened
    }
    throw new Error(`no client prefix on shard ${shard} in 200 tries`);
}
async function receive(layer, channel) {
    try {
        return await layer.receive(channel, { signal: AbortSignal.timeout(RECEIVE_MS) });
    }
    catch (error) {
        throw new Error(`nothing received on ${channel} within ${RECEIVE_MS} ms: ${String(error)}`, { cause: error });
    }
}
/** `count` messages from `channel`, sorted by their `id` (order across hosts is not defined). */
async function receiveAll(layer, channel, count) {
    const received = [];
    for (let i = 0; i < count; i++)
        received.push(await receive(layer, channel));
    return sortById(received);
}
function sortById(messages) {
    return [...messages].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
/** Waits for a condition on Redis that no event reports (another process's SUBSCRIBE taking effect). */
async function until(what, check) {
    const deadline = Date.now() + RECEIVE_MS;
    while (!(await check())) {
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}
async function numsub(client, channel) {
    const reply = (await client.pubsub("NUMSUB", channel));
    return Number(reply[1]);
}
/** Which server saw a PUBLISH on which channel: a pattern subscription on every shard. */
class PublishLog {
    clients;
    seen = [];
    listeners = new Set();
    constructor(clients) {
        this.clients = clients;
        clients.forEach((client, shard) => client.on("pmessage", (_pattern, channel) => {
            this.seen.push({ shard, channel });
            for (const listener of [...this.listeners])
                listener();
        }));
    }
    static async start(urls) {
        const log = new PublishLog(urls.map((url) => new ioredis_1.default(url)));
        await Promise.all(log.clients.map((client) => client.psubscribe("*")));
        return log;
    }
    /** The shards `channel` was published on, once it has been published `count` times in all. */
    shardsOf(channel, count = 1) {
        const current = () => this.seen.filter((entry) => entry.channel === channel).map((entry) => entry.shard);
        if (current().length >= count)
            return Promise.resolve(current());
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.listeners.delete(check);
                reject(new Error(`${channel} was published ${current().length} times, not ${count}`));
            }, RECEIVE_MS);
            const check = () => {
                if (current().length < count)
                    return;
                clearTimeout(timer);
                this.listeners.delete(check);
                resolve(current());
            };
            this.listeners.add(check);
        });
    }
    close() {
        for (const client of this.clients)
            client.disconnect();
    }
}
/** A channels_redis layer in a Python process, one JSON command and one JSON answer at a time. */
class PythonPeer extends json_lines_peer_1.JsonLinesPeer {
    static async start(kind, prefix, hosts) {
        const peer = new PythonPeer((0, node_child_process_1.spawn)(test_fixtures_1.PYTHON, [SCRIPT, kind, prefix, ...hosts], { stdio: "pipe" }));
        expect(await peer.next()).toEqual({ ready: true });
        return peer;
    }
    async call(command) {
        this.write((0, wire_json_1.toJson)(command));
        const answer = await this.next();
        if (typeof answer.error === "string")
            throw new Error(`python ${String(command.op)}: ${answer.error}`);
        return answer;
    }
    async newChannel() {
        return (await this.call({ op: "new_channel" })).channel;
    }
    async receive(channel) {
        return (0, wire_json_1.fromJson)((await this.call({ op: "receive", channel })).message);
    }
    async close() {
        if (this.child.exitCode === null)
            this.write({ op: "close" });
        const timer = setTimeout(() => this.child.kill(), RECEIVE_MS);
        await this.exited;
        clearTimeout(timer);
    }
}
const BYTES = new Uint8Array([0, 1, 0x80, 254, 255]);
(0, test_fixtures_1.describeWithRedis)("sharding over two redis-servers", () => {
    const servers = [(0, test_fixtures_1.useRedisServer)(), (0, test_fixtures_1.useRedisServer)()];
    let hosts;
    /** Plain clients on shard 0 and shard 1, to look at where keys and subscriptions are. */
    let raw;
    const rawAt = (shard) => raw[shard];
    beforeAll(() => {
        hosts = servers.map((server) => server.url);
        raw = servers.map((server) => server.client());
    });
    /** ZCARD of `key` on each shard. */
    const cardinalities = (key) => Promise.all(raw.map((client) => client.zcard(key)));
    describe("RedisChannelLayer, two processes", () => {
        const prefix = "mhq";
        let a;
        let b;
        beforeEach(async () => {
            // The two process queues on different shards, so both shards hold a queue.
            a = await queueLayerOnShard(0, hosts, prefix);
            b = await queueLayerOnShard(1, hosts, prefix);
        });
        afterEach(async () => {
            await Promise.all([a.close(), b.close()]);
            await Promise.all(raw.map((client) => client.flushall()));
        });
        it("keeps each group on hash(group)'s host and delivers groupSend from either process to every member once", async () => {
            const groups = namePerShard((i) => `room-${i}`);
            // Members whose full names hash to another host than their queue: fan-out must use the queue's.
            const ca = await channelWhere(() => a.newChannel(), pythonMisroutes, "whose full name hashes to another host");
            const cb = await channelWhere(() => b.newChannel(), pythonMisroutes, "whose full name hashes to another host");
            for (const group of groups) {
                await a.groupAdd(group, ca);
                await b.groupAdd(group, cb);
            }
            for (const [shard, group] of groups.entries()) {
                expect((await rawAt(shard).zrange(`${prefix}:group:${group}`, 0, -1)).sort()).toEqual([ca, cb].sort());
                expect(await rawAt(1 - shard).exists(`${prefix}:group:${group}`)).toBe(0);
            }
            const sent = [];
            for (const [name, layer] of [
                ["a", a],
                ["b", b],
            ]) {
                for (const group of groups) {
                    const message = { type: "room.message", id: `${name}->${group}` };
                    await layer.groupSend(group, message);
                    sent.push(message);
                }
            }
            // One message per process queue per groupSend, each queue on hash("specific.<client prefix>!").
            expect(await cardinalities(`${prefix}specific.${a.clientPrefix}!`)).toEqual([4, 0]);
            expect(await cardinalities(`${prefix}specific.${b.clientPrefix}!`)).toEqual([0, 4]);
            expect(await receiveAll(a, ca, 4)).toEqual(sortById(sent));
            expect(await receiveAll(b, cb, 4)).toEqual(sortById(sent));
            // A direct send queues behind them on the same queue: nothing was delivered twice.
            await b.send(ca, { type: "end" });
            await a.send(cb, { type: "end" });
            expect(await receive(a, ca)).toEqual({ type: "end" });
            expect(await receive(b, cb)).toEqual({ type: "end" });
        });
        it("sends directly to the queue's own host even where the full name hashes elsewhere (Python's bug), and the other process receives", async () => {
            const misrouted = await channelWhere(() => b.newChannel(), pythonMisroutes, "that Python would misroute");
            const aligned = await channelWhere(() => b.newChannel(), (c) => !pythonMisroutes(c), "that Python routes right");
            const back = await channelWhere(() => a.newChannel(), pythonMisroutes, "that Python would misroute");
            await a.send(misrouted, { type: "direct", id: "misrouted", bytes: BYTES });
            await a.send(aligned, { type: "direct", id: "aligned" });
            await b.send(back, { type: "direct", id: "back" });
            expect(shardOf(misrouted)).toBe(0); // where Python would have put it
            expect(await cardinalities(`${prefix}specific.${b.clientPrefix}!`)).toEqual([0, 2]);
            expect(shardOf(back)).toBe(1);
            expect(await cardinalities(`${prefix}specific.${a.clientPrefix}!`)).toEqual([1, 0]);
            expect(await receive(b, misrouted)).toEqual({ type: "direct", id: "misrouted", bytes: BYTES });
            expect(await receive(b, aligned)).toEqual({ type: "direct", id: "aligned" });
            expect(await receive(a, back)).toEqual({ type: "direct", id: "back" });
        });
        it("spreads a normal channel round-robin over both hosts and receives it from both in the other process", async () => {
            const sent = [0, 1, 2, 3].map((i) => ({ type: "work", id: `job-${i}` }));
            for (const message of sent)
                await a.send("mh.jobs", message);
            expect(await cardinalities(`${prefix}mh.jobs`)).toEqual([2, 2]);
            expect(await receiveAll(b, "mh.jobs", 4)).toEqual(sent);
            expect(await cardinalities(`${prefix}mh.jobs`)).toEqual([0, 0]);
            for (const message of sent.slice(0, 2))
                await b.send("mh.replies", message);
            expect(await cardinalities(`${prefix}mh.replies`)).toEqual([1, 1]);
            expect(await receiveAll(a, "mh.replies", 2)).toEqual(sent.slice(0, 2));
        });
    });
    describe("RedisPubSubChannelLayer, two processes", () => {
        const prefix = "mhps";
        const groupChannel = (group) => `${prefix}__group__${group}`;
        let a;
        let b;
        let log;
        beforeAll(async () => {
            log = await PublishLog.start(hosts);
        });
        afterAll(() => log.close());
        beforeEach(() => {
            a = new redis_1.RedisPubSubChannelLayer({ hosts, prefix });
            b = new redis_1.RedisPubSubChannelLayer({ hosts, prefix });
        });
        afterEach(() => Promise.all([a.close(), b.close()]));
        it("subscribes to each group on hash(group channel)'s host and delivers groupSend from either process to every member once", async () => {
            const groups = namePerShard((i) => `room-${i}`, groupChannel);
            const [ca, cb] = [await a.newChannel(), await b.newChannel()];
            for (const group of groups) {
                await a.groupAdd(group, ca);
                await b.groupAdd(group, cb);
            }
            for (const [shard, group] of groups.entries()) {
                expect(await rawAt(shard).pubsub("CHANNELS", `${prefix}__group__*`)).toEqual([groupChannel(group)]);
                expect(await numsub(rawAt(shard), groupChannel(group))).toBe(2);
            }
            // Each process's own channels: one pattern per host (plus the PublishLog's own "*").
            for (const client of raw)
                await until("one own-channel pattern per process on every host", async () => Number(await client.pubsub("NUMPAT")) === 3);
            const sent = [];
            for (const [name, layer] of [
                ["a", a],
                ["b", b],
            ]) {
                for (const group of groups) {
                    const message = { type: "room.message", id: `${name}->${group}`, bytes: BYTES };
                    await layer.groupSend(group, message);
                    sent.push(message);
                }
            }
            for (const [shard, group] of groups.entries())
                expect(await log.shardsOf(groupChannel(group), 2)).toEqual([shard, shard]);
            expect(await receiveAll(a, ca, 4)).toEqual(sortById(sent));
            expect(await receiveAll(b, cb, 4)).toEqual(sortById(sent));
            // One more PUBLISH per group, on the same connections: each arrives after the first ones.
            for (const group of groups)
                await a.groupSend(group, { type: "end", id: group });
            const ends = sortById(groups.map((group) => ({ type: "end", id: group })));
            expect(await receiveAll(a, ca, 2)).toEqual(ends);
            expect(await receiveAll(b, cb, 2)).toEqual(ends);
        });
        it("publishes a direct send on hash(channel)'s host, where the other process's pattern hears it", async () => {
            const targets = [
                await channelWhere(() => b.newChannel(), (c) => shardOf(c) === 0, "on shard 0"),
                await channelWhere(() => b.newChannel(), (c) => shardOf(c) === 1, "on shard 1"),
            ];
            for (const [shard, target] of targets.entries()) {
                await a.send(target, { type: "direct", id: target });
                expect(await log.shardsOf(target)).toEqual([shard]);
                expect(await receive(b, target)).toEqual({ type: "direct", id: target });
            }
        });
        it("subscribes a normal channel on hash(name)'s host only and receives what the other process publishes there", async () => {
            const names = namePerShard((i) => `mh.jobs-${i}`);
            for (const [shard, name] of names.entries()) {
                const receiving = receive(b, name);
                await until(`${name} subscribed on shard ${shard}`, async () => (await numsub(rawAt(shard), name)) === 1);
                expect(await numsub(rawAt(1 - shard), name)).toBe(0);
                await a.send(name, { type: "work", id: name });
                expect(await receiving).toEqual({ type: "work", id: name });
                expect(await log.shardsOf(name)).toEqual([shard]);
            }
        });
    });
    const pythonMissing = test_fixtures_1.PYTHON === undefined ? "no python3 can import channels_redis (Debian: python3-channels-redis)" : undefined;
    if (pythonMissing !== undefined)
        process.stderr.write(`!!! SKIPPED "multi-host interop with channels_redis": ${pythonMissing}.\n`); // Jest hides console output of all-skipped files
    const describePython = pythonMissing === undefined ? describe : describe.skip;
    describePython("with Python's channels_redis.core.RedisChannelLayer on the same hosts", () => {
        const prefix = "mhpy";
        let python;
        let ts;
        beforeAll(async () => {
            python = await PythonPeer.start("core", prefix, hosts);
            ts = new redis_1.RedisChannelLayer({ hosts, prefix });
        });
        afterAll(async () => {
            await python?.close();
            await ts?.close();
            await Promise.all(raw.map((client) => client.flushall()));
        });
        it("Python group_send reaches the TS member and TS groupSend reaches the Python member, on groups of both hosts", async () => {
            const groups = namePerShard((i) => `py-room-${i}`);
            // Members whose full names hash to another host than their queue: fan-out must use the queue's.
            const pc = await channelWhere(() => python.newChannel(), pythonMisroutes, "whose full name hashes to another host");
            const tc = await channelWhere(() => ts.newChannel(), pythonMisroutes, "whose full name hashes to another host");
            for (const group of groups) {
                await python.call({ op: "group_add", group, channel: pc });
                await ts.groupAdd(group, tc);
            }
            for (const [shard, group] of groups.entries()) {
                expect((await rawAt(shard).zrange(`${prefix}:group:${group}`, 0, -1)).sort()).toEqual([pc, tc].sort());
                expect(await rawAt(1 - shard).exists(`${prefix}:group:${group}`)).toBe(0);
            }
            const sent = [];
            for (const group of groups) {
                const fromPython = { type: "room.message", id: `py->${group}`, text: "héllo", bytes: BYTES };
                await python.call({ op: "group_send", group, message: fromPython });
                const fromTs = { type: "room.message", id: `ts->${group}`, text: "héllo", bytes: BYTES };
                await ts.groupSend(group, fromTs);
                sent.push(fromPython, fromTs);
            }
            expect(await receiveAll(ts, tc, 4)).toEqual(sortById(sent));
            const pythonGot = [];
            for (let i = 0; i < 4; i++)
                pythonGot.push(await python.receive(pc));
            expect(sortById(pythonGot)).toEqual(sortById(sent));
        });
        it("TS send to a Python channel goes to its queue's host, where Python receives it, even where Python itself would misroute", async () => {
            const pc = await channelWhere(() => python.newChannel(), pythonMisroutes, "that Python would misroute");
            const message = { type: "direct", id: "ts->py", text: "héllo", bytes: BYTES };
            await ts.send(pc, message);
            const queueShard = shardOf(nonLocal(pc));
            const expected = queueShard === 0 ? [1, 0] : [0, 1];
            expect(await cardinalities(prefix + nonLocal(pc))).toEqual(expected);
            expect(await python.receive(pc)).toEqual(message);
        });
        it("Python send to a TS channel arrives whichever host Python picks: channels-ts pops its queue on every host", async () => {
            // Python 4.0.0 sends a direct message to hash(full channel name) but receives from
            // hash(non-local name), so with two hosts it loses its own direct sends to about half of
            // its channels. To channels-ts channels every such send arrives: where the two hashes
            // agree the message is on the queue's own host; where they differ it is on the other
            // host, which channels-ts pops too. A fresh layer, so no pop is running while we look.
            const fresh = new redis_1.RedisChannelLayer({ hosts, prefix });
            try {
                const misrouted = await channelWhere(() => fresh.newChannel(), pythonMisroutes, "that Python misroutes");
                const aligned = await channelWhere(() => fresh.newChannel(), (c) => !pythonMisroutes(c), "that Python routes right");
                await python.call({
                    op: "send",
                    channel: misrouted,
                    message: { type: "direct", id: "misrouted", bytes: BYTES },
                });
                await python.call({ op: "send", channel: aligned, message: { type: "direct", id: "aligned", text: "héllo" } });
                const queueShard = shardOf(`specific.${fresh.clientPrefix}!`);
                const queue = await cardinalities(`${prefix}specific.${fresh.clientPrefix}!`);
                expect([queue[queueShard], queue[1 - queueShard]]).toEqual([1, 1]); // one on its own host, one misrouted
                expect(await receive(fresh, misrouted)).toEqual({ type: "direct", id: "misrouted", bytes: BYTES });
                expect(await receive(fresh, aligned)).toEqual({ type: "direct", id: "aligned", text: "héllo" });
            }
            finally {
                await fresh.close();
            }
        });
    });
    describePython("with Python's channels_redis.pubsub.RedisPubSubChannelLayer on the same hosts", () => {
        // 4.0.0's pub/sub layer shards every channel, group channels included, by hash(full name) for
        // both PUBLISH and SUBSCRIBE, so it has no multi-host bug.
        const prefix = "mhpyps";
        const groupChannel = (group) => `${prefix}__group__${group}`;
        let python;
        let ts;
        let log;
        beforeAll(async () => {
            [python, log] = await Promise.all([PythonPeer.start("pubsub", prefix, hosts), PublishLog.start(hosts)]);
            ts = new redis_1.RedisPubSubChannelLayer({ hosts, prefix });
        });
        afterAll(async () => {
            await python?.close();
            await ts?.close();
            log?.close();
        });
        it("Python group_send reaches the TS member and TS groupSend reaches the Python member, on groups of both hosts", async () => {
            const groups = namePerShard((i) => `py-room-${i}`, groupChannel);
            const [pc, tc] = [await python.newChannel(), await ts.newChannel()];
            for (const group of groups) {
                await python.call({ op: "group_add", group, channel: pc });
                await ts.groupAdd(group, tc);
            }
            for (const [shard, group] of groups.entries()) {
                // redis-py answers SUBSCRIBE without waiting for Redis's confirmation.
                await until(`both processes in ${group} on shard ${shard}`, async () => (await numsub(rawAt(shard), groupChannel(group))) === 2);
                expect(await numsub(rawAt(1 - shard), groupChannel(group))).toBe(0);
            }
            const sent = [];
            for (const group of groups) {
                const fromPython = { type: "room.message", id: `py->${group}`, text: "héllo", bytes: BYTES };
                await python.call({ op: "group_send", group, message: fromPython });
                const fromTs = { type: "room.message", id: `ts->${group}`, text: "héllo", bytes: BYTES };
                await ts.groupSend(group, fromTs);
                sent.push(fromPython, fromTs);
            }
            for (const [shard, group] of groups.entries())
                expect(await log.shardsOf(groupChannel(group), 2)).toEqual([shard, shard]);
            expect(await receiveAll(ts, tc, 4)).toEqual(sortById(sent));
            const pythonGot = [];
            for (let i = 0; i < 4; i++)
                pythonGot.push(await python.receive(pc));
            expect(sortById(pythonGot)).toEqual(sortById(sent));
        });
        it("direct sends both ways land on hash(channel)'s host and arrive, on both hosts", async () => {
            for (const shard of [0, 1]) {
                const pc = await channelWhere(() => python.newChannel(), (c) => shardOf(c) === shard, `on shard ${shard}`);
                await until(`Python's ${pc} subscribed on shard ${shard}`, async () => (await numsub(rawAt(shard), pc)) === 1);
                expect(await numsub(rawAt(1 - shard), pc)).toBe(0);
                const toPython = { type: "direct", id: `ts->${pc}`, bytes: BYTES };
                await ts.send(pc, toPython);
                expect(await log.shardsOf(pc)).toEqual([shard]);
                expect(await python.receive(pc)).toEqual(toPython);
                const tc = await channelWhere(() => ts.newChannel(), (c) => shardOf(c) === shard, `on shard ${shard}`);
                const toTs = { type: "direct", id: `py->${tc}`, text: "héllo" };
                await python.call({ op: "send", channel: tc, message: toTs });
                expect(await log.shardsOf(tc)).toEqual([shard]);
                expect(await receive(ts, tc)).toEqual(toTs);
            }
        });
    });
});
//# sourceMappingURL=multi-host.test.js.map