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
const test_fixtures_1 = require("@channels-ts/test-fixtures");
// A tick's writes to one socket are corked until the end of the tick; these are the two ways that
// could change what an application sees, each pinned by a test.
test("a client that reads is not closed for a burst larger than maxBufferedBytes sent in one tick", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const finished = (0, test_fixtures_1.deferred)();
        const chunk = Buffer.alloc(256 * 1024);
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({ type: "websocket.accept" });
            await receive(); // "go"
            // 2 MiB without yielding to the event loop, against a 1 MiB limit: each send resolves at once.
            for (let i = 0; i < 8; i++)
                await send({ type: "websocket.send", bytes: chunk });
            await send({ type: "websocket.send", text: "done" });
            for (;;) {
                const message = await receive();
                if (message.type === "websocket.disconnect")
                    return finished.resolve(message);
            }
        }, { maxBufferedBytes: 1024 * 1024 }), true);
        const ws = await server.openWs("/");
        let binary = 0;
        const done = new Promise((resolve, reject) => {
            ws.on("message", (data, isBinary) => {
                if (isBinary)
                    binary++;
                else if (String(data) === "done")
                    resolve();
            });
            ws.once("close", (code) => reject(new Error(`closed with ${code} after ${binary} messages`)));
        });
        ws.send("go");
        await done;
        expect(binary).toBe(8);
        ws.close(1000);
        expect((await finished.promise).code).toBe(1000);
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
test("bytes the application changes after send() resolves are sent as they were, however large", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const buffer = Buffer.alloc(100 * 1024);
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({ type: "websocket.accept" });
            for (const fill of [1, 2, 3]) {
                buffer.fill(fill);
                await send({ type: "websocket.send", bytes: buffer });
            }
            const small = Buffer.from([7]);
            await send({ type: "websocket.send", bytes: small });
            small[0] = 8;
            await send({ type: "websocket.send", bytes: small });
            await receive();
        }), true);
        const ws = await server.openWs("/");
        const firstBytes = await new Promise((resolve) => {
            const seen = [];
            ws.on("message", (data) => {
                seen.push(data[0], data[data.length - 1]);
                if (seen.length === 10)
                    resolve(seen);
            });
        });
        expect(firstBytes).toEqual([1, 1, 2, 2, 3, 3, 7, 7, 8, 8]);
        ws.close();
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
//# sourceMappingURL=tick-cork-limits.test.js.map