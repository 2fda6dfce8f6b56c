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
const src_1 = require("../src");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
test("lifespan.startup is answered before the server listens, and lifespan.shutdown runs on close", async () => {
    const events = [];
    const app = async (scope, receive, send) => {
        if (scope.type === "lifespan") {
            for (;;) {
                const message = await receive();
                events.push(message.type);
                if (message.type === "lifespan.startup")
                    await send({ type: "lifespan.startup.complete" });
                if (message.type === "lifespan.shutdown") {
                    await send({ type: "lifespan.shutdown.complete" });
                    return;
                }
            }
        }
        events.push(`request ${String(scope.path)}`);
        await send({ type: "http.response.start", status: 200, headers: [] });
        await send({ type: "http.response.body", body: Buffer.from("up") });
    };
    const server = await (0, src_1.serve)(app, { port: 0, logger: src_1.silentLogger });
    expect(events).toEqual(["lifespan.startup"]);
    expect((await (0, test_fixtures_1.fetchText)(`${server.url}/x`)).body).toBe("up");
    await server.close();
    expect(events).toEqual(["lifespan.startup", "request /x", "lifespan.shutdown"]);
});
test("lifespan.startup.failed makes serve() reject with its message, without listening", async () => {
    const app = async (scope, receive, send) => {
        if (scope.type !== "lifespan")
            return;
        await receive();
        await send({ type: "lifespan.startup.failed", message: "database unreachable" });
    };
    const attempt = (0, src_1.serve)(app, { port: 0, logger: src_1.silentLogger });
    await expect(attempt).rejects.toBeInstanceOf(src_1.LifespanStartupFailed);
    await expect(attempt).rejects.toThrow("database unreachable");
});
test("an application that throws on the lifespan scope is served without lifespan", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, _receive, send) => {
            if (scope.type !== "http")
                throw new Error(`no application for ${scope.type}`);
            await send({ type: "http.response.start", status: 200, headers: [] });
            await send({ type: "http.response.body", body: Buffer.from("still served") });
        }), true);
        expect((await (0, test_fixtures_1.fetchText)(`${server.url}/`)).body).toBe("still served");
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
test('with lifespan "on", an application without lifespan support fails to start', async () => {
    const app = async (scope) => {
        if (scope.type === "lifespan")
            throw new Error("unsupported");
    };
    await expect((0, src_1.serve)(app, { port: 0, logger: src_1.silentLogger, lifespan: "on" })).rejects.toThrow(/does not support it/);
});
test('with lifespan "off", the application never sees a lifespan scope', async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const types = [];
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, _receive, send) => {
            types.push(scope.type);
            await send({ type: "http.response.start", status: 204, headers: [] });
            await send({ type: "http.response.body" });
        }, { lifespan: "off" }), true);
        await (0, test_fixtures_1.fetchText)(`${server.url}/`);
        expect(types).toEqual(["http"]);
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
//# sourceMappingURL=lifespan.test.js.map