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
let pauses;
let resumes;
let paused = (0, test_fixtures_1.deferred)();
beforeEach(() => {
    paused = (0, test_fixtures_1.deferred)();
    // The only test hook: notice when the server stops reading a socket (ws's own pause()).
    const pause = ws_1.default.prototype.pause;
    pauses = jest.spyOn(ws_1.default.prototype, "pause").mockImplementation(function () {
        pause.call(this);
        paused.resolve();
    });
    resumes = jest.spyOn(ws_1.default.prototype, "resume");
});
afterEach(async () => {
    jest.restoreAllMocks();
});
const COUNT = 300;
/** Accepts, then reads nothing until `gate` opens; then records every event up to the disconnect (or `stopAt` events). */
function slowReader(gate, seen, done, stopAt = COUNT) {
    return async (scope, receive, send) => {
        if (scope.type !== "websocket")
            return;
        await receive();
        await send({ type: "websocket.accept" });
        await gate;
        for (;;) {
            const message = await receive();
            seen.push(message);
            if (message.type === "websocket.disconnect" || seen.length === stopAt)
                break;
        }
        done();
    };
}
test("a client sending faster than its application reads is paused at maxQueuedMessages, and no frame is lost", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const gate = (0, test_fixtures_1.deferred)();
        const finished = (0, test_fixtures_1.deferred)();
        const seen = [];
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(slowReader(gate.promise, seen, finished.resolve), { maxQueuedMessages: 8 }), true);
        const ws = await server.openWs("/");
        for (let i = 0; i < COUNT; i++)
            ws.send(`m${i}`);
        await paused.promise; // the application has read nothing, so only the limit can have paused it
        expect(seen).toEqual([]);
        gate.resolve();
        await finished.promise;
        expect(seen.map((m) => m.text)).toEqual(Array.from({ length: COUNT }, (_, i) => `m${i}`));
        expect(resumes).toHaveBeenCalled();
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
test("the default limit (64) pauses too", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const gate = (0, test_fixtures_1.deferred)();
        const finished = (0, test_fixtures_1.deferred)();
        const seen = [];
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(slowReader(gate.promise, seen, finished.resolve)), true);
        const ws = await server.openWs("/");
        for (let i = 0; i < COUNT; i++)
            ws.send(`m${i}`);
        await paused.promise;
        gate.resolve();
        await finished.promise;
        expect(seen).toHaveLength(COUNT);
        expect(pauses.mock.calls.length).toBeGreaterThan(0);
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
test("a paused connection still closes cleanly on shutdown: the application hears 1001 after what was queued", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const gate = (0, test_fixtures_1.deferred)();
        const finished = (0, test_fixtures_1.deferred)();
        const seen = [];
        // With a close timeout this long, only reading the peer's close frame can end the connection in time.
        const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(slowReader(gate.promise, seen, finished.resolve, Infinity), {
            maxQueuedMessages: 4,
            closeTimeoutMs: 60_000,
        }), true);
        const ws = await server.openWs("/");
        for (let i = 0; i < COUNT; i++)
            ws.send(`m${i}`);
        await paused.promise;
        const clientEnd = (0, test_fixtures_1.closed)(ws);
        const closing = server.close();
        expect((await clientEnd).code).toBe(1001);
        gate.resolve();
        await finished.promise;
        await closing;
        const last = seen.pop();
        expect(last).toMatchObject({ type: "websocket.disconnect", code: 1001 });
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.map((m) => m.text)).toEqual(Array.from({ length: seen.length }, (_, i) => `m${i}`));
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
//# sourceMappingURL=backpressure.test.js.map