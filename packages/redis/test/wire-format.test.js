"use strict";
var __addDisposableResource = (this && this.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (this && this.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});
Object.defineProperty(exports, "__esModule", { value: true });
const msgpack_1 = require("@msgpack/msgpack");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
/** Members of a sorted set with their scores, as raw bytes. */
async function zrange(redis, key) {
    const flat = await redis.zrangeBuffer(key, 0, -1, "WITHSCORES");
    const out = [];
    for (let i = 0; i < flat.length; i += 2)
        out.push({ member: flat[i], score: Number(flat[i + 1].toString()) });
    return out;
}
function payload(member) {
    return (0, msgpack_1.decode)(member.subarray(12));
}
/** Calls of every command but INFO, from INFO commandstats. */
async function commandCalls(redis) {
    const info = await redis.info("commandstats");
    const calls = {};
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
        if (match[1] !== "info")
            calls[match[1]] = Number(match[2]);
    return calls;
}
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer writes channels_redis 4.x's Redis layout", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    let redis;
    let layer;
    beforeAll(() => {
        redis = server.client();
    });
    beforeEach(async () => {
        await redis.flushall();
        // Group sends wait for Redis's reply: these tests read the layout as soon as they resolve.
        layer = new redis_1.RedisChannelLayer({ hosts: [server.url], pipelineGroupSends: false });
    });
    afterEach(() => layer.close());
    it("names specific channels specific.<32 hex>!<32 hex>", async () => {
        const channel = await layer.newChannel();
        expect(channel).toMatch(/^specific\.[0-9a-f]{32}![0-9a-f]{32}$/);
        expect(channel.startsWith(`specific.${layer.clientPrefix}!`)).toBe(true);
    });
    it("send(): one sorted set per process, 12 random bytes + msgpack (str as str, bytes as bin), __asgi_channel__ a string, float-second score, EXPIRE", async () => {
        const channel = await layer.newChannel();
        const before = Date.now() / 1000;
        await layer.send(channel, { type: "chat.message", text: "héllo", bytes: new Uint8Array([0, 255]) });
        await layer.send(channel, { type: "chat.message", text: "héllo", bytes: new Uint8Array([0, 255]) });
        const key = `asgispecific.${layer.clientPrefix}!`;
        expect(await redis.type(key)).toBe("zset");
        const entries = await zrange(redis, key);
        expect(entries).toHaveLength(2); // identical messages stay distinct members thanks to the prefix
        const { member, score } = entries[0];
        expect(payload(member)).toEqual({
            type: "chat.message",
            text: "héllo",
            bytes: new Uint8Array([0, 255]),
            __asgi_channel__: channel,
        });
        const body = member.subarray(12);
        expect(body[0]).toBe(0x84); // a map of 4: the message keys, then __asgi_channel__ last
        expect(body.includes(Buffer.from([0xc4, 0x02, 0x00, 0xff]))).toBe(true); // bin 8, not str
        expect(body.includes(Buffer.from([0xa6, ...Buffer.from("héllo")]))).toBe(true); // fixstr of UTF-8
        expect(score).toBeGreaterThanOrEqual(Math.floor(before));
        expect(score).toBeLessThan(before + 60);
        expect(Number.isInteger(score)).toBe(false);
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(55);
        expect(ttl).toBeLessThanOrEqual(60);
    });
    it("send() to a normal channel: key prefix+name, no __asgi_channel__", async () => {
        await layer.send("plain.chan", { type: "work", n: 1 });
        const [entry] = await zrange(redis, "asgiplain.chan");
        expect(payload(entry.member)).toEqual({ type: "work", n: 1 });
    });
    it("groupAdd(): full channel names in <prefix>:group:<name>, scored in seconds, EXPIRE groupExpiry", async () => {
        const [a, b] = [await layer.newChannel(), await layer.newChannel()];
        await layer.groupAdd("room1", a);
        await layer.groupAdd("room1", b);
        const entries = await zrange(redis, "asgi:group:room1");
        expect(entries.map((e) => e.member.toString())).toEqual([a, b]);
        for (const { score } of entries)
            expect(Math.abs(score - Date.now() / 1000)).toBeLessThan(5);
        expect(await redis.ttl("asgi:group:room1")).toBeGreaterThan(86_390);
    });
    it("groupSend(): one message per process queue with __asgi_channel__ listing its members, in one script call", async () => {
        const members = [await layer.newChannel(), await layer.newChannel(), await layer.newChannel()];
        for (const channel of members)
            await layer.groupAdd("room2", channel);
        await layer.groupAdd("room2", "plain.worker");
        await layer.groupSend("room2", { type: "warm.up" }); // loads the script (EVALSHA misses once)
        await redis.del(`asgispecific.${layer.clientPrefix}!`, "asgiplain.worker");
        const before = await commandCalls(redis);
        await layer.groupSend("room2", { type: "chat.message", text: "hi", bytes: new Uint8Array([1]) });
        const after = await commandCalls(redis);
        const delta = Object.fromEntries(Object.entries(after)
            .map(([name, calls]) => [name, calls - (before[name] ?? 0)])
            .filter(([, n]) => n !== 0));
        // commandstats also counts what the script calls; the client itself sent one EVALSHA and nothing else.
        expect(delta).toEqual({ evalsha: 1, zremrangebyscore: 3, zrange: 1, zcard: 2, zadd: 2, expire: 2 });
        const [own] = await zrange(redis, `asgispecific.${layer.clientPrefix}!`);
        expect(payload(own.member)).toEqual({
            type: "chat.message",
            text: "hi",
            bytes: new Uint8Array([1]),
            __asgi_channel__: members,
        });
        const [worker] = await zrange(redis, "asgiplain.worker");
        expect(payload(worker.member)).toEqual({
            type: "chat.message",
            text: "hi",
            bytes: new Uint8Array([1]),
            __asgi_channel__: ["plain.worker"],
        });
    });
    it("groupSend() with channelCapacity patterns uses channels_redis's own script and layout", async () => {
        await layer.close();
        layer = new redis_1.RedisChannelLayer({
            hosts: [server.url],
            channelCapacity: [["specific.*", 5]],
            pipelineGroupSends: false,
        });
        const members = [await layer.newChannel(), await layer.newChannel()];
        for (const channel of members)
            await layer.groupAdd("room3", channel);
        await layer.groupSend("room3", { type: "chat.message" });
        const [entry] = await zrange(redis, `asgispecific.${layer.clientPrefix}!`);
        expect(payload(entry.member)).toEqual({ type: "chat.message", __asgi_channel__: members });
        await expect(layer.receive(members[1])).resolves.toEqual({ type: "chat.message" });
    });
    it("symmetricEncryptionKeys: 12 random bytes then a Fernet token", async () => {
        await layer.close();
        layer = new redis_1.RedisChannelLayer({ hosts: [server.url], symmetricEncryptionKeys: ["secret"] });
        const channel = await layer.newChannel();
        await layer.send(channel, { type: "secret.message" });
        const [entry] = await zrange(redis, `asgispecific.${layer.clientPrefix}!`);
        expect(entry.member.subarray(12).toString("latin1")).toMatch(/^gAAAAA[A-Za-z0-9_-]+=*$/);
        await expect(layer.receive(channel)).resolves.toEqual({ type: "secret.message" });
    });
});
const prefix12 = Buffer.alloc(12, 7);
/** Payloads no channels_redis peer writes, each with what makes it wrong. */
const GARBAGE = [
    ["not msgpack", Buffer.from([0xc1, 0xc1, 0xc1])],
    ["a list, not a map", Buffer.from((0, msgpack_1.encode)(["type", "x"]))],
    ["type is not a string", Buffer.from((0, msgpack_1.encode)({ type: 5 }))],
    ["__asgi_channel__ is a number", Buffer.from((0, msgpack_1.encode)({ type: "x", __asgi_channel__: 7 }))],
    ["unknown reserved key", Buffer.from((0, msgpack_1.encode)({ type: "x", __asgi_group__: "g" }))],
    ["truncated map", Buffer.from((0, msgpack_1.encode)({ type: "x", text: "abc" })).subarray(0, 6)],
];
/** Layer options that put its warnings in `warnings`, at most one a minute. */
function collectWarnings(warnings) {
    return { logger: { warn: (message) => warnings.push(message) }, warnIntervalMs: 60_000 };
}
(0, test_fixtures_1.describeWithRedis)("malformed data on the wire is dropped with a counted, rate-limited warning", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    let redis;
    const unhandled = [];
    const onUnhandled = (reason) => {
        unhandled.push(reason);
    };
    beforeAll(() => {
        redis = server.client();
        process.on("unhandledRejection", onUnhandled);
    });
    afterAll(() => {
        process.off("unhandledRejection", onUnhandled);
    });
    it("RedisChannelLayer: bad queue members are skipped and the next good message arrives", async () => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const warnings = [];
            const layer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [server.url], ...collectWarnings(warnings) })), true);
            const events = [];
            layer.on("malformed", (event) => events.push(event.reason));
            const channel = await layer.newChannel();
            const key = `asgispecific.${layer.clientPrefix}!`;
            const old = Date.now() / 1000 - 1;
            for (const [index, [, body]] of GARBAGE.entries())
                await redis.zadd(key, String(old + index / 100), Buffer.concat([prefix12, body]));
            await redis.zadd(key, String(old + 0.5), Buffer.from([1, 2, 3])); // shorter than the random prefix
            await layer.send(channel, { type: "good.message" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "good.message" });
            expect(layer.malformedCount).toBe(GARBAGE.length + 1);
            expect(events).toHaveLength(GARBAGE.length + 1);
            expect(warnings).toHaveLength(1); // the rest are counted, not logged
            expect(warnings[0]).toContain(key);
            expect(unhandled).toEqual([]);
        }
        catch (e_1) {
            env_1.error = e_1;
            env_1.hasError = true;
        }
        finally {
            const result_1 = __disposeResources(env_1);
            if (result_1)
                await result_1;
        }
    });
    it("RedisPubSubChannelLayer: bad publications on a channel and a group are skipped", async () => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const warnings = [];
            const layer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [server.url], ...collectWarnings(warnings) })), true);
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            const received = layer.receive(channel);
            for (const [, body] of GARBAGE) {
                await redis.publish(channel, body);
                await redis.publish("asgi__group__room", body);
            }
            await layer.send(channel, { type: "good.message" });
            await expect(received).resolves.toEqual({ type: "good.message" });
            expect(layer.malformedCount).toBe(2 * GARBAGE.length);
            expect(warnings).toHaveLength(1);
            expect(unhandled).toEqual([]);
        }
        catch (e_2) {
            env_2.error = e_2;
            env_2.hasError = true;
        }
        finally {
            const result_2 = __disposeResources(env_2);
            if (result_2)
                await result_2;
        }
    });
});
//# sourceMappingURL=wire-format.test.js.map