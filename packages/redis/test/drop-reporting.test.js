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
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer reports what it does not deliver", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    it("counts and emits messages removed from a queue as expired by a later send", async () => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: { warn: () => undefined } })), true);
            const admin = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(redis.client()), true);
            const drops = [];
            layer.on("dropped", (event) => drops.push(event));
            const channel = await layer.newChannel();
            const key = "asgi" + channel.slice(0, channel.indexOf("!") + 1);
            await layer.send(channel, { type: "old" });
            // Age the message past expiry without waiting: its score is its send time.
            const [member] = await admin.zrangeBuffer(key, 0, 0);
            await admin.zadd(key, "XX", String(Date.now() / 1000 - 3600), member);
            await layer.send(channel, { type: "new" });
            expect(drops).toEqual([{ reason: "expired", channel: key, count: 1 }]);
            expect(layer.droppedCounts.expired).toBe(1);
            await expect(layer.receive(channel)).resolves.toEqual({ type: "new" });
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
    it("emits and logs (once per interval) a failing receive loop, which recovers when the cause goes", async () => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const warnings = [];
            // A short block: the failing restore is pipelined with a BZPOPMIN, whose wait it reports after.
            const logger = { warn: (line) => warnings.push(line) };
            const layer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger, blockSeconds: 0.1 })), true);
            const admin = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(redis.client()), true);
            const channel = await layer.newChannel();
            const key = "asgi" + channel.slice(0, channel.indexOf("!") + 1);
            // The restore script the loop runs first fails on an in-flight set of the wrong type.
            await admin.set(key + "$inflight", "not a sorted set");
            const failed = new Promise((resolve) => layer.once("backgroundError", resolve));
            const received = layer.receive(channel);
            const event = await failed;
            expect(event).toMatchObject({ source: "receive loop", key });
            expect(event.error.message).toContain("WRONGTYPE");
            expect(warnings).toHaveLength(1);
            expect(warnings[0]).toContain("receive loop");
            await admin.del(key + "$inflight");
            await layer.send(channel, { type: "after" });
            await expect(received).resolves.toEqual({ type: "after" });
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
//# sourceMappingURL=drop-reporting.test.js.map