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
const node_http_1 = require("node:http");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
test("close() sends 1001 to every client, runs every disconnect handler exactly once, then resolves", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const handlerRuns = new Map();
        const handlerFinished = [];
        const app = async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({ type: "websocket.accept" });
            for (;;) {
                const message = await receive();
                if (message.type !== "websocket.disconnect")
                    continue;
                const id = scope.path;
                handlerRuns.set(id, (handlerRuns.get(id) ?? 0) + 1);
                expect(message.code).toBe(1001);
                // A disconnect handler that takes a moment (leaving groups, saving state) is waited for.
                await new Promise((resolve) => setImmediate(resolve));
                handlerFinished.push(id);
                return;
            }
        };
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app), true);
        const clients = await Promise.all(["/a", "/b", "/c"].map((p) => server.openWs(p)));
        const codes = Promise.all(clients.map((ws) => (0, test_fixtures_1.closed)(ws)));
        await server.close();
        expect((await codes).map((c) => c.code)).toEqual([1001, 1001, 1001]);
        expect([...handlerRuns.entries()].sort()).toEqual([
            ["/a", 1],
            ["/b", 1],
            ["/c", 1],
        ]);
        expect(handlerFinished.sort()).toEqual(["/a", "/b", "/c"]);
        expect(server.server.listening).toBe(false);
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
test("close() lets an HTTP request in flight finish, then ends its connection", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const inFlight = (0, test_fixtures_1.deferred)();
        const finish = (0, test_fixtures_1.deferred)();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, _receive, send) => {
            if (scope.type !== "http")
                return;
            inFlight.resolve();
            await finish.promise;
            await send({ type: "http.response.start", status: 200, headers: [] });
            await send({ type: "http.response.body", body: Buffer.from("finished") });
        }), true);
        const reply = new Promise((resolve, reject) => {
            (0, node_http_1.request)(`${server.url}/`, { agent: false }, (res) => {
                let body = "";
                res.on("data", (d) => (body += d));
                res.on("end", () => resolve({ body, connection: res.headers.connection }));
            })
                .on("error", reject)
                .end();
        });
        await inFlight.promise;
        const closing = server.close();
        finish.resolve();
        expect(await reply).toEqual({ body: "finished", connection: "close" });
        await closing;
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
test("close() gives up on an application that ignores its disconnect after shutdownTimeoutMs", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({ type: "websocket.accept" });
            await new Promise(() => undefined); // never reads its disconnect
        }, { logger, shutdownTimeoutMs: 50, applicationCloseTimeoutMs: 50 }), true);
        const ws = await server.openWs("/stuck");
        const end = (0, test_fixtures_1.closed)(ws);
        await server.close();
        expect((await end).code).toBe(1001);
        expect(logger.entries.some((e) => e.level === "warn" && e.msg.includes("still running"))).toBe(true);
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
test("close() ends a streaming response (server-sent events): the application hears http.disconnect, the client sees the end", async () => {
    const env_4 = { stack: [], error: void 0, hasError: false };
    try {
        const heard = (0, test_fixtures_1.deferred)();
        const server = __addDisposableResource(env_4, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "http")
                return;
            await receive(); // http.request (no body)
            await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/event-stream"]] });
            await send({ type: "http.response.body", body: Buffer.from("data: hello\n\n"), more_body: true });
            heard.resolve(await receive()); // an idle event stream: nothing ends it but the client or the server
            await send({ type: "http.response.body", body: Buffer.from("data: dropped\n\n"), more_body: true });
        }, 
        // Far longer than the test may run: close() must not wait for this deadline.
        { shutdownTimeoutMs: 60_000 }), true);
        const firstEvent = (0, test_fixtures_1.deferred)();
        const response = new Promise((resolve, reject) => {
            (0, node_http_1.get)(`${server.url}/events`, { agent: false }, (res) => {
                let body = "";
                res.setEncoding("utf8");
                res.on("data", (chunk) => {
                    body += chunk;
                    firstEvent.resolve();
                });
                res.on("end", () => resolve(body));
                res.on("error", reject);
            }).on("error", reject);
        });
        await firstEvent.promise;
        await server.close();
        expect(await heard.promise).toEqual({ type: "http.disconnect" });
        expect(await response).toBe("data: hello\n\n");
    }
    catch (e_4) {
        env_4.error = e_4;
        env_4.hasError = true;
    }
    finally {
        const result_4 = __disposeResources(env_4);
        if (result_4)
            await result_4;
    }
});
//# sourceMappingURL=graceful-shutdown.test.js.map