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
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const echo = (0, test_fixtures_1.echoApp)();
/** `/boom` throws (at once for HTTP, on the first frame for WebSockets); everything else echoes. */
const app = async (scope, receive, send) => {
    if (scope.type === "http") {
        if (scope.path === "/boom")
            throw new Error("kaboom");
        if (scope.path === "/silent")
            return;
        if (scope.path === "/started") {
            await send({ type: "http.response.start", status: 200, headers: [] });
            throw new Error("failed before the first body chunk");
        }
        if (scope.path === "/bad-header") {
            await send({ type: "http.response.start", status: 200, headers: [["x-a", "v\r\nInjected: 1"]] });
            await send({ type: "http.response.body", body: Buffer.from("never") });
            return;
        }
        if (scope.path === "/half") {
            await send({ type: "http.response.start", status: 200, headers: [] });
            await send({ type: "http.response.body", body: Buffer.from("partial"), more_body: true });
            throw new Error("failed mid-stream");
        }
        await send({ type: "http.response.start", status: 200, headers: [] });
        await send({ type: "http.response.body", body: Buffer.from("fine") });
        return;
    }
    if (scope.type !== "websocket")
        return;
    if (scope.path === "/refuse-boom")
        throw new Error("before accept");
    if (scope.path !== "/boom")
        return echo(scope, receive, send);
    await receive();
    await send({ type: "websocket.accept" });
    for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect")
            return;
        throw new Error("kaboom in a frame handler");
    }
};
test("an exception before the response answers 500, logged with its stack; other connections carry on", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app, { logger }), true);
        const live = await server.openWs("/live");
        expect((await (0, test_fixtures_1.fetchText)(`${server.url}/boom`)).status).toBe(500);
        const error = logger.entries.find((e) => e.level === "error");
        expect(error?.msg).toContain("/boom");
        expect((error?.obj).err.stack).toContain("kaboom");
        const reply = (0, test_fixtures_1.nextFrame)(live);
        live.send("still here");
        expect(await reply).toBe("echo:still here");
        expect((await (0, test_fixtures_1.fetchText)(`${server.url}/ok`)).body).toBe("fine");
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
test("an application that returns without responding gets a 500", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(app), true);
        expect((await (0, test_fixtures_1.fetchText)(`${server.url}/silent`)).status).toBe(500);
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
test("an exception after http.response.start but before any body still answers 500 (nothing was on the wire yet)", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(app), true);
        const reply = await (0, test_fixtures_1.fetchText)(`${server.url}/started`);
        expect(reply.status).toBe(500);
        expect(reply.body).toBe("500 Internal Server Error\n");
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
test("a response header with CR LF is a ProtocolError naming it, and the client gets a 500, not a smuggled header", async () => {
    const env_4 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_4, await (0, test_fixtures_1.startServer)(app, { logger }), true);
        const reply = await (0, test_fixtures_1.fetchText)(`${server.url}/bad-header`);
        expect(reply.status).toBe(500);
        expect(reply.headers.injected).toBeUndefined();
        const err = logger.entries.find((e) => e.level === "error")?.obj?.err;
        expect(err).toBeInstanceOf(core_1.ProtocolError);
        expect(err?.message).toContain('"x-a"');
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
test("an exception after the response started aborts that response", async () => {
    const env_5 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_5, await (0, test_fixtures_1.startServer)(app), true);
        await expect((0, test_fixtures_1.fetchText)(`${server.url}/half`)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
    }
    catch (e_5) {
        env_5.error = e_5;
        env_5.hasError = true;
    }
    finally {
        const result_5 = __disposeResources(env_5);
        if (result_5)
            await result_5;
    }
});
test("an exception in a WebSocket application closes that connection with 1011 only", async () => {
    const env_6 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_6, await (0, test_fixtures_1.startServer)(app, { logger }), true);
        const live = await server.openWs("/live");
        const doomed = await server.openWs("/boom");
        const end = (0, test_fixtures_1.closed)(doomed);
        doomed.send("trigger");
        expect((await end).code).toBe(1011);
        expect(logger.entries.some((e) => e.level === "error" && e.msg.includes("/boom"))).toBe(true);
        const reply = (0, test_fixtures_1.nextFrame)(live);
        live.send("ping");
        expect(await reply).toBe("echo:ping");
    }
    catch (e_6) {
        env_6.error = e_6;
        env_6.hasError = true;
    }
    finally {
        const result_6 = __disposeResources(env_6);
        if (result_6)
            await result_6;
    }
});
test("an exception before accept refuses the handshake with 500", async () => {
    const env_7 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_7, await (0, test_fixtures_1.startServer)(app), true);
        expect(await server.refusal("/refuse-boom")).toBe(500);
    }
    catch (e_7) {
        env_7.error = e_7;
        env_7.hasError = true;
    }
    finally {
        const result_7 = __disposeResources(env_7);
        if (result_7)
            await result_7;
    }
});
test("no unhandled rejection escapes from a failing application", async () => {
    const unhandled = jest.fn();
    process.on("unhandledRejection", unhandled);
    try {
        const env_8 = { stack: [], error: void 0, hasError: false };
        try {
            const server = __addDisposableResource(env_8, await (0, test_fixtures_1.startServer)(app), true);
            expect((await (0, test_fixtures_1.fetchText)(`${server.url}/boom`)).status).toBe(500);
            const ws = await server.openWs("/boom");
            const end = (0, test_fixtures_1.closed)(ws);
            ws.send("x");
            await end;
            await new Promise((resolve) => setImmediate(resolve));
            expect(unhandled).not.toHaveBeenCalled();
        }
        catch (e_8) {
            env_8.error = e_8;
            env_8.hasError = true;
        }
        finally {
            const result_8 = __disposeResources(env_8);
            if (result_8)
                await result_8;
        }
    }
    finally {
        process.off("unhandledRejection", unhandled);
    }
});
test("the disconnect after a server-side close is delivered once", async () => {
    const env_9 = { stack: [], error: void 0, hasError: false };
    try {
        const disconnects = [];
        const done = (0, test_fixtures_1.deferred)();
        const server = __addDisposableResource(env_9, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({ type: "websocket.accept" });
            await send({ type: "websocket.close", code: 4000, reason: "bye" });
            await send({ type: "websocket.send", text: "dropped after close" });
            disconnects.push(await receive());
            done.resolve();
        }), true);
        const ws = await server.openWs("/");
        expect(await (0, test_fixtures_1.closed)(ws)).toEqual({ code: 4000, reason: "bye" });
        await done.promise;
        expect(disconnects).toEqual([{ type: "websocket.disconnect", code: 4000, reason: "bye" }]);
    }
    catch (e_9) {
        env_9.error = e_9;
        env_9.hasError = true;
    }
    finally {
        const result_9 = __disposeResources(env_9);
        if (result_9)
            await result_9;
    }
});
//# sourceMappingURL=application-errors.test.js.map