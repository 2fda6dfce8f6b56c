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
const host_events_1 = require("./host-events");
/** Sends to the group until stopped, counting outcomes: traffic that spans the restart. */
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
/**
 * Stops the Redis server and starts it again (with no data), once `layer` has reported it down
 * and `whileDown` has run; resolves with the layer's down and up events.
 */
async function bounce(server, layer, whileDown = () => undefined) {
    const down = (0, host_events_1.nextHostEvent)(layer, "down");
    await server.stop();
    const downEvent = await down;
    await whileDown();
    const up = (0, host_events_1.nextHostEvent)(layer, "up");
    await server.restart();
    return { down: downEvent, up: await up };
}
(0, test_fixtures_1.describeWithRedis)("a Redis host that stops", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    it.each([
        [
            "RedisChannelLayer",
            (url) => new redis_1.RedisChannelLayer({ hosts: [url], operationTimeoutMs: 200, reconnectMaxDelayMs: 100 }),
        ],
        [
            "RedisPubSubChannelLayer",
            (url) => new redis_1.RedisPubSubChannelLayer({ hosts: [url], operationTimeoutMs: 200, reconnectMaxDelayMs: 100 }),
        ],
    ])("%s: operations reject while it stays down and work again once it is back", async (_name, make) => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(make(server.url)), true);
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            await bounce(server, layer, () => expect(layer.groupSend("room", { type: "lost" })).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable));
            await layer.groupSend("room", { type: "after" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
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
});
(0, test_fixtures_1.describeWithRedis)("a Redis restart (data lost) under traffic", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    it("RedisChannelLayer emits down/up, puts its group memberships back, and a groupSend after the restart arrives", async () => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [server.url], reconnectMaxDelayMs: 200 })), true);
            const observer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(server.client({ lazyConnect: true, retryStrategy: () => 100 })), true);
            observer.on("error", () => undefined);
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            const noise = traffic(layer, "busy");
            const { down, up } = await bounce(server, layer);
            expect(down).toMatchObject({ shard: 0, host: server.url });
            expect(up).toMatchObject({ shard: 0 });
            expect(await observer.zrange("asgi:group:room", 0, -1)).toEqual([channel]); // restored, not waiting for a groupAdd
            await noise.stop();
            await layer.groupSend("room", { type: "after.restart" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "after.restart" });
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
    it.each([
        ["RedisChannelLayer", (url) => new redis_1.RedisChannelLayer({ hosts: [url], reconnectMaxDelayMs: 200 })],
        [
            "RedisPubSubChannelLayer",
            (url) => new redis_1.RedisPubSubChannelLayer({ hosts: [url], reconnectMaxDelayMs: 200 }),
        ],
    ])("%s: a groupSend made while Redis is down reaches this process's members once it is back", async (_name, make) => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_3, (0, test_fixtures_1.closing)(make(server.url)), true);
            const channel = await layer.newChannel();
            await layer.groupAdd("outage", channel);
            let sending;
            await bounce(server, layer, () => {
                // Sent during the outage: it must wait for the memberships/subscriptions to be restored,
                // not be replayed from the client's offline queue onto an empty Redis before them.
                sending = layer.groupSend("outage", { type: "sent.while.down" });
            });
            await sending;
            await expect(layer.receive(channel)).resolves.toEqual({ type: "sent.while.down" });
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
    it("RedisChannelLayer: a receive pending across the restart still gets the next message", async () => {
        const env_4 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_4, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [server.url], reconnectMaxDelayMs: 200 })), true);
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            const pending = layer.receive(channel);
            await bounce(server, layer);
            await layer.groupSend("room", { type: "after.restart" });
            await expect(pending).resolves.toEqual({ type: "after.restart" });
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
    it("RedisPubSubChannelLayer emits down/up and resubscribes its channels and groups", async () => {
        const env_5 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_5, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [server.url], reconnectMaxDelayMs: 200 })), true);
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            const pending = layer.receive(channel);
            const noise = traffic(layer, "busy");
            await bounce(server, layer);
            await noise.stop();
            await layer.groupSend("room", { type: "group.after.restart" });
            await expect(pending).resolves.toEqual({ type: "group.after.restart" });
            await layer.send(channel, { type: "direct.after.restart" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "direct.after.restart" });
        }
        catch (e_5) {
            env_5.error = e_5;
            env_5.hasError = true;
        }
        finally {
            const result_5 = __disposeResources(env_5);
            if (result_5)
                await result_5;
        }
    });
});
//# sourceMappingURL=host-restart.test.js.map