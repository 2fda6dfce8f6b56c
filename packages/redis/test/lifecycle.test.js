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
const node_path_1 = require("node:path");
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const host_events_1 = require("./host-events");
async function clientCount(observer) {
    const list = (await observer.call("CLIENT", "LIST"));
    return list.trim().split("\n").length - 1;
}
/** Connected clients other than `observer`, waiting (briefly) for the server to notice closed sockets. */
async function otherClients(observer, expected) {
    for (let attempt = 0; attempt < 100; attempt++) {
        if ((await clientCount(observer)) === expected)
            return expected;
        await new Promise((resolve) => setImmediate(resolve));
    }
    return clientCount(observer);
}
(0, test_fixtures_1.describeWithRedis)("close() ends every connection and pending receive", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    it.each([
        ["RedisChannelLayer", () => new redis_1.RedisChannelLayer({ hosts: [redis.url] })],
        ["RedisPubSubChannelLayer", () => new redis_1.RedisPubSubChannelLayer({ hosts: [redis.url] })],
    ])("%s", async (_name, make) => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const observer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(redis.client()), true);
            const layer = make();
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            const pending = [layer.receive(channel), layer.receive("plain.worker")];
            await layer.send(channel, { type: "first" });
            await expect(pending[0]).resolves.toEqual({ type: "first" });
            expect(await otherClients(observer, 3)).toBeGreaterThanOrEqual(2); // commands + blocking pop or subscriber
            await layer.close();
            await expect(pending[1]).rejects.toMatchObject({ name: "AbortError" });
            expect(await otherClients(observer, 0)).toBe(0);
            await expect(layer.send(channel, { type: "late" })).rejects.toBeInstanceOf(core_1.ChannelLayerClosed);
            await expect(layer.receive(channel)).rejects.toMatchObject({ name: "AbortError" });
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
const layers = [
    [
        "RedisChannelLayer",
        (url, operationTimeoutMs) => new redis_1.RedisChannelLayer({ hosts: [url], operationTimeoutMs, reconnectMaxDelayMs: 100 }),
    ],
    [
        "RedisPubSubChannelLayer",
        (url, operationTimeoutMs) => new redis_1.RedisPubSubChannelLayer({ hosts: [url], operationTimeoutMs, reconnectMaxDelayMs: 100 }),
    ],
];
/** A Redis URL on 127.0.0.1 where nothing listens. */
async function deadUrl() {
    return `redis://127.0.0.1:${await (0, test_fixtures_1.freePort)()}`;
}
describe("a Redis host where nothing listens", () => {
    it.each(layers)("%s: operations reject with RedisHostUnavailable naming the host after operationTimeoutMs", async (_name, make) => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const url = await deadUrl();
            const layer = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(make(url, 200)), true);
            const unavailable = expect.objectContaining({
                code: "REDIS_HOST_UNAVAILABLE",
                host: url,
                message: expect.stringContaining(url),
            });
            const channel = "specific.abc!def";
            const outcomes = await Promise.allSettled([
                layer.groupAdd("g", channel),
                layer.send(channel, { type: "x" }),
                layer.groupSend("g", { type: "x" }),
            ]);
            for (const outcome of outcomes) {
                expect(outcome.status).toBe("rejected");
                expect(outcome.reason).toBeInstanceOf(redis_1.RedisHostUnavailable);
                expect(outcome.reason).toEqual(unavailable);
            }
            // While the host stays down, later operations fail without waiting again.
            await expect(layer.send(channel, { type: "y" })).rejects.toEqual(unavailable);
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
    it.each(layers)("%s: operations fail at once and close() ends a receive still waiting", async (_name, make) => {
        const layer = make(await deadUrl(), 60_000);
        const channel = "specific.abc!def";
        const pending = [
            layer.send(channel, { type: "x" }),
            layer.groupSend("g", { type: "x" }),
            layer.groupAdd("g", channel),
        ];
        const receiving = layer.receive("plain.worker");
        await (0, host_events_1.nextHostEvent)(layer, "down");
        await layer.close();
        // A host never reached fails operations at once (unreachable-at-start.test.ts covers close() during an outage).
        for (const operation of pending)
            await expect(operation).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable);
        await expect(receiving).rejects.toMatchObject({ name: "AbortError" });
    });
    it.each([
        ["RedisChannelLayer", "core"],
        ["RedisPubSubChannelLayer", "pubsub"],
    ])("%s: a process that closes the layer exits at once, with no timer of the client left running", async (_name, kind) => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const tsx = (0, node_path_1.join)(__dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
            const script = (0, node_path_1.join)(__dirname, "fixtures", "close-while-down.ts");
            const child = __addDisposableResource(env_3, (0, test_fixtures_1.startProcess)(tsx, [script, kind, await deadUrl()]), true);
            await child.waitFor(/closed/);
            const closedAt = Date.now();
            expect((await child.exited).code).toBe(0);
            // ioredis's default disconnectTimeout would keep it alive 2 s after close().
            expect(Date.now() - closedAt).toBeLessThan(1_000);
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
//# sourceMappingURL=lifecycle.test.js.map