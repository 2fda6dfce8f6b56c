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
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const layers = [
    ["RedisChannelLayer", (host) => new redis_1.RedisChannelLayer({ hosts: [host], reconnectMaxDelayMs: 100 })],
    [
        "RedisPubSubChannelLayer",
        (host) => new redis_1.RedisPubSubChannelLayer({ hosts: [host], reconnectMaxDelayMs: 100 }),
    ],
];
/**
 * Without ioredis's failover detector (a Sentinel's +switch-master missed), a layer moves only when
 * the old master, demoted at the Sentinel's next INFO (every 10 s), closes its clients.
 */
const FAILOVER_BOUND_MS = 30_000;
/** `promise`, or a rejection naming `what` after `ms`: a bound, so a stuck failover fails the test instead of hanging it. */
async function within(promise, ms, what) {
    let timer;
    const bound = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    try {
        return await Promise.race([promise, bound]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Resolves on the first `up` after the next `down`: the layer lost its host and is back, state restored. */
function downThenUp(layer) {
    return new Promise((resolve) => layer.once("down", () => layer.once("up", () => resolve())));
}
/** Sends to the group until stopped, one send at a time, counting outcomes: traffic across the failover. */
function traffic(layer, group) {
    let running = true;
    const counts = { sent: 0, failed: 0 };
    const loop = (async () => {
        while (running) {
            await layer.groupSend(group, { type: "noise" }).then(() => counts.sent++, () => counts.failed++);
            await new Promise((resolve) => setImmediate(resolve));
        }
    })();
    return {
        async stop() {
            running = false;
            await loop;
            return counts;
        },
    };
}
/** Both layers, each with a channel in "room" and traffic on "busy", through a failover made by `fail`. */
async function deliveryAcross(set, fail) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const queue = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(layers[0][1](set.host)), true);
        const pubsub = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(layers[1][1](set.host)), true);
        const all = [queue, pubsub];
        await Promise.all(all.map((layer) => layer.connect()));
        const channels = await Promise.all(all.map((layer) => layer.newChannel()));
        await Promise.all(all.map((layer, i) => layer.groupAdd("room", channels[i])));
        const noise = all.map((layer) => traffic(layer, "busy"));
        const back = all.map(downThenUp);
        let to;
        try {
            const failover = await fail();
            expect(failover.to).not.toBe(failover.from);
            to = failover.to;
            await within(Promise.all(back), FAILOVER_BOUND_MS, "both layers to report down, then up");
        }
        finally {
            for (const counts of await Promise.all(noise.map((n) => n.stop())))
                expect(counts.sent).toBeGreaterThan(0);
        }
        for (const [i, layer] of all.entries()) {
            await layer.groupSend("room", { type: "after.failover", layer: i });
            await expect(layer.receive(channels[i])).resolves.toEqual({ type: "after.failover", layer: i });
        }
        // The pub/sub layer's subscription is on the new master (the queue layer's writes would fail on a replica).
        const [, subscribers] = (await set.client(to).call("PUBSUB", "NUMSUB", "asgi__group__room"));
        expect(subscribers).toBe(1);
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
}
(0, test_fixtures_1.describeWithSentinel)("a Redis master found through Sentinel (hosts as channels_redis spells them)", () => {
    const set = (0, test_fixtures_1.useRedisSentinel)();
    it.each(layers)("%s connects through the Sentinel and round-trips a group message", async (_name, make) => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(make(set.host)), true);
            await layer.connect();
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            await layer.groupSend("room", { type: "via.sentinel" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "via.sentinel" });
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
    it.each(layers)("%s reports the host by master name and Sentinels in its events", async (_name, make) => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_3, (0, test_fixtures_1.closing)(make({ ...set.host, sentinels: [{ host: "127.0.0.1", port: set.sentinelPort }] })), true);
            const up = new Promise((resolve) => layer.once("up", resolve));
            await layer.connect();
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            // A Sentinel's client connections are closed by CLIENT KILL like any other: the layer comes back.
            await set.client(await set.masterPort()).call("CLIENT", "KILL", "TYPE", "normal");
            await set.client(await set.masterPort()).call("CLIENT", "KILL", "TYPE", "pubsub");
            expect((await up).host).toBe(`mymaster (sentinels 127.0.0.1:${set.sentinelPort})`);
        }
        catch (e_3) {
            env_3.error = e_3;
            env_3.hasError = true;
        }
        finally {
            const result_3 = __disposeResources(env_3);
            if (result_3)
                await result_3;
        }
    });
});
describe("a Sentinel that nothing answers on", () => {
    it.each(layers)("%s: connect() and operations fail with RedisHostUnavailable naming the master and Sentinels", async (_name, make) => {
        const env_4 = { stack: [], error: void 0, hasError: false };
        try {
            const port = await (0, test_fixtures_1.freePort)();
            const layer = __addDisposableResource(env_4, (0, test_fixtures_1.closing)(make({ sentinels: [["127.0.0.1", port]], master_name: "mymaster" })), true);
            const failure = await layer.connect().then(() => undefined, (error) => error);
            expect(failure).toBeInstanceOf(redis_1.RedisHostUnavailable);
            expect(failure.message).toContain(`mymaster (sentinels 127.0.0.1:${port})`);
            await expect(layer.groupSend("room", { type: "x" })).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable);
        }
        catch (e_4) {
            env_4.error = e_4;
            env_4.hasError = true;
        }
        finally {
            const result_4 = __disposeResources(env_4);
            if (result_4)
                await result_4;
        }
    });
});
(0, test_fixtures_1.describeWithSentinel)("a Sentinel failover (SENTINEL FAILOVER) under traffic", () => {
    const set = (0, test_fixtures_1.useRedisSentinel)();
    it("both layers reconnect to the new master and delivery resumes", () => deliveryAcross(set, () => set.failover()), FAILOVER_BOUND_MS + 20_000);
});
(0, test_fixtures_1.describeWithSentinel)("a master killed by its PID under traffic", () => {
    const set = (0, test_fixtures_1.useRedisSentinel)();
    it("both layers reconnect to the master the Sentinel promotes and delivery resumes", () => deliveryAcross(set, () => set.killMaster()), FAILOVER_BOUND_MS + 20_000);
});
//# sourceMappingURL=sentinel.test.js.map