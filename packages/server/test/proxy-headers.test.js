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
function capture() {
    const scopes = [];
    let waiting = (0, test_fixtures_1.deferred)();
    const app = async (scope, receive, send) => {
        if (scope.type === "lifespan")
            return;
        scopes.push(scope);
        waiting.resolve(scope);
        if (scope.type === "http") {
            await send({ type: "http.response.start", status: 200, headers: [] });
            await send({ type: "http.response.body", body: Buffer.from("ok") });
        }
        else {
            await receive();
            await send({ type: "websocket.accept" });
        }
    };
    return {
        app,
        scopes,
        next: () => {
            const p = waiting.promise;
            return p.then((s) => {
                waiting = (0, test_fixtures_1.deferred)();
                return s;
            });
        },
    };
}
const forwarded = {
    "X-Forwarded-For": "203.0.113.7, 10.0.0.1",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Port": "4431",
};
test("with trustProxyHeaders, X-Forwarded-* set client and scheme (http and websocket)", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { app, next } = capture();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app, { trustProxyHeaders: true }), true);
        const httpScope = next();
        await (0, test_fixtures_1.fetchText)(`${server.url}/`, { headers: forwarded });
        expect(await httpScope).toMatchObject({ client: ["203.0.113.7", 4431], scheme: "https" });
        const wsScope = next();
        await server.openWs("/", undefined, { headers: forwarded });
        expect(await wsScope).toMatchObject({ client: ["203.0.113.7", 4431], scheme: "wss" });
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
test("without trustProxyHeaders, X-Forwarded-* are ignored", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const { app, next } = capture();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(app), true);
        const httpScope = next();
        await (0, test_fixtures_1.fetchText)(`${server.url}/`, { headers: forwarded });
        const s = await httpScope;
        expect(s.scheme).toBe("http");
        expect(s.client[0]).toMatch(/127\.0\.0\.1$/);
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
//# sourceMappingURL=proxy-headers.test.js.map