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
test("a peer that stops answering pings is dropped and reported as disconnect 1006", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const app = (0, test_fixtures_1.acceptingApp)();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app, { pingIntervalMs: 20, pongTimeoutMs: 20 }), true);
        const ws = await server.openWs("/", undefined, { autoPong: false });
        const pinged = new Promise((resolve) => ws.once("ping", resolve));
        await pinged;
        expect(await app.disconnected).toEqual({ type: "websocket.disconnect", code: 1006 });
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
test("a peer that answers pings stays connected across several pings", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)((0, test_fixtures_1.acceptingApp)(), { pingIntervalMs: 10, pongTimeoutMs: 50 }), true);
        const ws = await server.openWs("/");
        let pings = 0;
        await new Promise((resolve) => ws.on("ping", () => {
            if (++pings === 5)
                resolve();
        }));
        expect(ws.readyState).toBe(ws.OPEN);
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
//# sourceMappingURL=heartbeat.test.js.map