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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const ws_1 = __importDefault(require("ws"));
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const chat_process_1 = require("./support/chat-process");
const room_client_1 = require("./support/room-client");
const LAYERS = ["redis", "redis-pubsub"];
/** Opens `/room/<room>/` and resolves with how the server ended it, and how long that took. */
function closeOf(port, room) {
    const started = Date.now();
    const socket = new ws_1.default(`ws://127.0.0.1:${port}/room/${room}/`);
    return new Promise((resolve, reject) => {
        socket.once("unexpected-response", (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
        socket.once("close", (code, reason) => resolve({ code, reason: reason.toString(), ms: Date.now() - started }));
        socket.on("error", () => undefined); // the close event follows
    });
}
(0, test_fixtures_1.describeWithRedis)("the chat started while its Redis is down", () => {
    describe.each(LAYERS)("CHANNEL_LAYER=%s", (layer) => {
        let redis;
        const processes = (0, test_fixtures_1.useProcesses)();
        beforeAll(async () => {
            // Started and stopped: a port where no Redis listens now and where it can come up later.
            redis = await test_fixtures_1.RedisServer.start();
            await redis.stop();
        });
        afterAll(() => redis.stop());
        it("says so at once naming the host, closes clients promptly with 1013, and works once Redis is up", async () => {
            const { service, port } = await (0, chat_process_1.startChat)(processes, layer, redis.url, "chat without Redis");
            await service.waitFor(/^chat: Redis (\S+) is unreachable \(.*ECONNREFUSED.*\); start it or fix REDIS_URL\./m, 10_000);
            expect(service.output).toContain(`chat: Redis ${redis.url} is unreachable`);
            const refused = await closeOf(port, "1");
            expect(refused.code).toBe(1013);
            expect(refused.reason).toBe(`Redis ${redis.url} is unreachable; try again later`);
            expect(refused.ms).toBeLessThan(1_000);
            await redis.restart();
            await service.waitFor(/^chat: Redis \S+ is up\.$/m, 10_000);
            expect(service.alive).toBe(true);
            {
                const env_1 = { stack: [], error: void 0, hasError: false };
                try {
                    // Closed at the end of the block, before the chat is stopped.
                    const a = __addDisposableResource(env_1, await (0, room_client_1.joinRoom)(port, "1", "A"), true);
                    const b = __addDisposableResource(env_1, await (0, room_client_1.joinRoom)(port, "1", "B"), true);
                    a.send("hello after the outage");
                    await b.next("hello after the outage");
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
            expect(await service.stop()).toMatchObject({ code: 0, killed: false });
        });
    });
});
//# sourceMappingURL=chat-redis-unreachable.test.js.map