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
test("a frame over maxPayload closes that client with 1009; the application hears 1009; others carry on", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const disconnects = new Map();
        const app = async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            const gone = (0, test_fixtures_1.deferred)();
            disconnects.set(scope.query_string, gone);
            await receive();
            await send({ type: "websocket.accept" });
            for (;;) {
                const message = await receive();
                if (message.type === "websocket.disconnect")
                    return gone.resolve(message);
                await send({ type: "websocket.send", text: `got ${String(message.text).length}` });
            }
        };
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app, { maxPayload: 1024 }), true);
        const big = await server.openWs(`/?big`);
        const small = await server.openWs(`/?small`);
        const end = (0, test_fixtures_1.closed)(big);
        big.send("x".repeat(1025));
        expect((await end).code).toBe(1009);
        expect(await disconnects.get("big").promise).toMatchObject({ code: 1009 });
        const reply = (0, test_fixtures_1.nextFrame)(small);
        small.send("y".repeat(1024));
        expect(await reply).toBe("got 1024");
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
//# sourceMappingURL=max-payload.test.js.map