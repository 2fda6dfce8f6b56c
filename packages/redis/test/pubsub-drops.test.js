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
/** The layer's `dropped` events (the event both Redis layers share). */
function droppedEvents(layer) {
    const events = [];
    const waiting = [];
    layer.on("dropped", (event) => {
        events.push(event);
        for (const w of waiting.filter((w) => w.count === events.length))
            w.resolve(events);
    });
    return { events, reach: (count) => new Promise((resolve) => waiting.push({ count, resolve })) };
}
(0, test_fixtures_1.describeWithRedis)("RedisPubSubChannelLayer counts, emits and logs what it cannot deliver", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    let redis;
    beforeAll(() => {
        redis = server.client();
    });
    it("channel full: a channel beyond its capacity drops its oldest message, counted by reason", async () => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const warnings = [];
            const layer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [server.url], capacity: 2, logger: { warn: (m) => warnings.push(m) } })), true);
            const { events, reach } = droppedEvents(layer);
            const channel = await layer.newChannel();
            const twoDropped = reach(2);
            for (const type of ["one", "two", "three", "four"])
                await layer.send(channel, { type });
            await twoDropped; // "three" and "four" have arrived, each pushing out the oldest
            await expect(layer.receive(channel)).resolves.toEqual({ type: "three" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "four" });
            expect(layer.droppedCounts).toEqual({ "channel full": 2, undecodable: 0, "layer down": 0 });
            expect(events).toEqual([
                { reason: "channel full", channel, count: 1 },
                { reason: "channel full", channel, count: 1 },
            ]);
            expect(warnings).toHaveLength(1); // rate-limited: the second is counted for the next line
            expect(warnings[0]).toContain("dropped 1 channel full");
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
    it("undecodable: a payload that is not msgpack is counted and emitted", async () => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [server.url], logger: { warn: () => undefined } })), true);
            const dropped = droppedEvents(layer);
            const channel = await layer.newChannel();
            const one = dropped.reach(1);
            await redis.publish(channel, Buffer.from([0xc1]));
            await expect(one).resolves.toEqual([{ reason: "undecodable", channel, count: 1 }]);
            expect(layer.droppedCounts.undecodable).toBe(1);
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
    it("layer down: a PUBLISH that Redis refuses is counted, emitted and logged, and the send itself does not wait for it", async () => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const warnings = [];
            const layer = __addDisposableResource(env_3, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [server.url], logger: { warn: (m) => warnings.push(m) } })), true);
            const dropped = droppedEvents(layer);
            await layer.connect();
            await redis.call("ACL", "SETUSER", "default", "-publish");
            try {
                const one = dropped.reach(1);
                await layer.groupSend("room", { type: "refused" });
                await expect(one).resolves.toEqual([{ reason: "layer down", channel: "asgi__group__room", count: 1 }]);
            }
            finally {
                await redis.call("ACL", "SETUSER", "default", "+publish");
            }
            expect(layer.droppedCounts["layer down"]).toBe(1);
            expect(warnings[0]).toMatch(/dropped 1 layer down \(last for "asgi__group__room": NOPERM/);
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
//# sourceMappingURL=pubsub-drops.test.js.map