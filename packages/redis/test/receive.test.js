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
async function connectionsReceived(observer) {
    const info = await observer.info("stats");
    return Number(/total_connections_received:(\d+)/.exec(info)?.[1]);
}
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer.receive()", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    const newLayer = () => (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url] }));
    describe("an aborted receive on a normal channel", () => {
        it("leaves the message popped in flight for another worker", async () => {
            const env_1 = { stack: [], error: void 0, hasError: false };
            try {
                const a = __addDisposableResource(env_1, newLayer(), true);
                const b = __addDisposableResource(env_1, newLayer(), true);
                const sender = __addDisposableResource(env_1, newLayer(), true);
                const observer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(redis.client()), true);
                const abort = new AbortController();
                const receiving = a.receive("jobs", { signal: abort.signal });
                // Wait until a's BZPOPMIN is blocked on the queue, so the pop is in flight when aborted.
                while ((await observer.call("CLIENT", "LIST")).indexOf("cmd=bzpopmin") === -1)
                    await new Promise((r) => setImmediate(r));
                abort.abort(new Error("worker a stops"));
                await expect(receiving).rejects.toThrow("worker a stops");
                await sender.send("jobs", { type: "job" });
                await expect(b.receive("jobs")).resolves.toEqual({ type: "job" });
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
    describe("receive() on another layer's specific channel", () => {
        it("throws a TypeError naming the channel and leaves the owner's queue alone", async () => {
            const env_2 = { stack: [], error: void 0, hasError: false };
            try {
                const owner = __addDisposableResource(env_2, newLayer(), true);
                const other = __addDisposableResource(env_2, newLayer(), true);
                const first = await owner.newChannel();
                const second = await owner.newChannel();
                await expect(other.receive(first)).rejects.toThrow(TypeError);
                await expect(other.receive(first)).rejects.toThrow(new RegExp(`${first.replace(/[.!]/g, "\\$&")}.*another layer instance`));
                await other.send(second, { type: "for.second" });
                await expect(owner.receive(second)).resolves.toEqual({ type: "for.second" });
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
    describe("receiving on a normal channel again and again", () => {
        it("reuses one blocking connection instead of opening one per message", async () => {
            const env_3 = { stack: [], error: void 0, hasError: false };
            try {
                const worker = __addDisposableResource(env_3, newLayer(), true);
                const sender = __addDisposableResource(env_3, newLayer(), true);
                const observer = __addDisposableResource(env_3, (0, test_fixtures_1.closing)(redis.client()), true);
                await sender.send("warmup", { type: "warm" }); // the sender's and observer's own connections
                await observer.ping();
                const before = await connectionsReceived(observer);
                for (let i = 0; i < 5; i++) {
                    const receiving = worker.receive("jobs");
                    await sender.send("jobs", { type: "job", i });
                    await expect(receiving).resolves.toEqual({ type: "job", i });
                }
                // One command connection plus one blocking connection for the worker, whatever the count.
                expect((await connectionsReceived(observer)) - before).toBeLessThanOrEqual(2);
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
});
//# sourceMappingURL=receive.test.js.map