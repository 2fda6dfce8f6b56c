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
const pause = (ms) => new Promise((resolve) => setTimeout(() => resolve("nothing"), ms));
(0, test_fixtures_1.describeWithRedis)("expiry on Redis", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    describe("group memberships of live consumers are refreshed before groupExpiry", () => {
        it("a channel with a pending receive stays in its group past groupExpiry; an idle one expires", async () => {
            const env_1 = { stack: [], error: void 0, hasError: false };
            try {
                const layer = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], groupExpiry: 0.6, membershipRefreshSeconds: 0.15 })), true);
                const [live, idle] = [await layer.newChannel(), await layer.newChannel()];
                await layer.groupAdd("room", live);
                await layer.groupAdd("room", idle);
                const pending = layer.receive(live);
                await pause(1200); // twice groupExpiry: expiry is about time passing
                await layer.groupSend("room", { type: "still.here" });
                await expect(pending).resolves.toEqual({ type: "still.here" });
                await layer.send(idle, { type: "marker" });
                await expect(layer.receive(idle)).resolves.toEqual({ type: "marker" }); // no group message before it
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
    describe("RedisPubSubChannelLayer local mailboxes", () => {
        it("drops, after expiry, a message that reached a channel just discarded (no leak)", async () => {
            const env_2 = { stack: [], error: void 0, hasError: false };
            try {
                const receiver = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [redis.url], expiry: 0.1 })), true);
                const sender = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisPubSubChannelLayer({ hosts: [redis.url] })), true);
                const channel = await receiver.newChannel();
                const first = receiver.receive(channel);
                await sender.send(channel, { type: "first" });
                expect(await first).toEqual({ type: "first" });
                await receiver.discardChannel(channel);
                // "late" races the discard; "marker", published after it on the same connection, tells us
                // when "late" has been delivered into the receiver's (now unread) mailbox.
                const other = await receiver.newChannel();
                const marker = receiver.receive(other);
                await sender.send(channel, { type: "late" });
                await sender.send(other, { type: "marker" });
                await marker;
                await pause(400); // expiry is about time passing: 0.1 s, swept every 0.1 s
                const late = receiver.receive(channel);
                late.catch(() => undefined);
                const got = await Promise.race([late, pause(300)]);
                expect(got).toBe("nothing");
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
});
//# sourceMappingURL=expiry.test.js.map