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
/** `/echo` echoes; any other path accepts, then on the first frame throws a ChannelsError (ProtocolError) carrying the close code it names. */
const echo = (0, test_fixtures_1.echoApp)();
const app = async (scope, receive, send) => {
    if (scope.type !== "websocket")
        return;
    if (scope.path === "/echo")
        return echo(scope, receive, send);
    await receive();
    await send({ type: "websocket.accept" });
    for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect")
            return;
        throw new core_1.ProtocolError("bad thing", Number(String(scope.path).slice(1)));
    }
};
function watchUnhandled() {
    const calls = [];
    const listener = (reason) => void calls.push(reason);
    process.on("unhandledRejection", listener);
    return { calls, stop: () => process.off("unhandledRejection", listener) };
}
test.each([1005, 1006, 1015, 999, 5000, 1004])("an application error carrying close code %i, which may not be sent, closes with 1011 and the server carries on", async (code) => {
    const unhandled = watchUnhandled();
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app), true);
            const live = await server.openWs("/echo");
            const doomed = await server.openWs(`/${code}`);
            const end = (0, test_fixtures_1.closed)(doomed);
            doomed.send("trigger");
            expect((await end).code).toBe(1011);
            const reply = (0, test_fixtures_1.nextFrame)(live);
            live.send("still here");
            expect(await reply).toBe("echo:still here");
            expect(unhandled.calls).toEqual([]);
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
    finally {
        unhandled.stop();
    }
});
test("an application error carrying a sendable close code closes with that code", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(app), true);
        const ws = await server.openWs("/4003");
        const end = (0, test_fixtures_1.closed)(ws);
        ws.send("trigger");
        expect((await end).code).toBe(4003);
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
test("a logger that throws while an application error is handled drops that connection, not the process", async () => {
    const unhandled = watchUnhandled();
    const throwing = {
        info: () => undefined,
        warn: () => undefined,
        debug: () => undefined,
        error: () => {
            throw new Error("log sink is down");
        },
    };
    try {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(app, { logger: throwing }), true);
            const live = await server.openWs("/echo");
            const doomed = await server.openWs("/4003");
            const end = (0, test_fixtures_1.closed)(doomed);
            doomed.send("trigger");
            expect((await end).code).toBe(1006);
            const reply = (0, test_fixtures_1.nextFrame)(live);
            live.send("still here");
            expect(await reply).toBe("echo:still here");
            expect(unhandled.calls).toEqual([]);
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
    }
    finally {
        unhandled.stop();
    }
});
//# sourceMappingURL=unsendable-close-code.test.js.map