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
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer.groupSend()", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    describe("SCRIPT FLUSH between group sends on the sharded path", () => {
        it("still delivers (the script is loaded again), or throws: never a silent loss", async () => {
            const env_1 = { stack: [], error: void 0, hasError: false };
            try {
                // Encryption takes the per-host transaction path.
                const layer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], symmetricEncryptionKeys: ["k"] })), true);
                const admin = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(redis.client()), true);
                const channel = await layer.newChannel();
                await layer.groupAdd("g", channel);
                await layer.groupSend("g", { type: "one" });
                await expect(layer.receive(channel)).resolves.toEqual({ type: "one" });
                await admin.script("FLUSH");
                await layer.groupSend("g", { type: "two" });
                await expect(layer.receive(channel)).resolves.toEqual({ type: "two" });
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
//# sourceMappingURL=group-send.test.js.map