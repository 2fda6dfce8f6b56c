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
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer capacity", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    describe("a process queue at 4 x capacity", () => {
        it("is full for every channel, even one with nothing waiting (no per-channel scan)", async () => {
            const env_1 = { stack: [], error: void 0, hasError: false };
            try {
                const owner = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], capacity: 2 })), true);
                const channels = await Promise.all([1, 2, 3, 4, 5].map(() => owner.newChannel()));
                // Two per channel for four channels: 8 = 4 x capacity messages in the one queue.
                for (const channel of channels.slice(0, 4))
                    for (let i = 0; i < 2; i++)
                        await owner.send(channel, { type: "fill" });
                await expect(owner.send(channels[4], { type: "one.more" })).rejects.toBeInstanceOf(core_1.ChannelFull);
                const fresh = channels[4];
                await owner.groupAdd("room", fresh);
                await owner.groupSend("room", { type: "skipped" }); // skipped as full, as any full member
                await owner.flush();
                await owner.send(fresh, { type: "after.flush" });
                await expect(owner.receive(fresh)).resolves.toEqual({ type: "after.flush" });
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
});
//# sourceMappingURL=capacity.test.js.map