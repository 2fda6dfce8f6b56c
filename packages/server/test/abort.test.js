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
test("a client whose TCP connection is destroyed yields websocket.disconnect 1006, exactly once", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const app = (0, test_fixtures_1.acceptingApp)();
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app, { logger }), true);
        const ws = await server.openWs("/room/1/");
        ws.send("hello");
        ws.once("message", () => undefined);
        await logger.waitFor((e) => e.msg.includes('"WSCONNECT /room/1/"'));
        // Destroy the raw socket: no close frame, as when a client's network drops.
        ws._socket.destroy();
        await app.disconnected;
        await server.close();
        expect(app.messages.filter((m) => m.type === "websocket.disconnect")).toEqual([
            { type: "websocket.disconnect", code: 1006 },
        ]);
        expect(app.messages[0]).toEqual({ type: "websocket.receive", text: "hello" });
        expect(logger.entries.filter((e) => e.msg.includes('"WSDISCONNECT /room/1/"'))).toHaveLength(1);
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
test("a client that leaves during the handshake (before accept) yields one disconnect 1006", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const connected = (0, test_fixtures_1.deferred)();
        const messages = [];
        const done = (0, test_fixtures_1.deferred)();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            messages.push(await receive());
            const accept = (0, test_fixtures_1.deferred)();
            connected.resolve(async () => accept.resolve());
            messages.push(await receive());
            await accept.promise;
            await send({ type: "websocket.accept" }); // too late: ignored, not an error
            done.resolve();
        }), true);
        const client = server.openWs("/");
        client.catch(() => undefined);
        const releaseAccept = await connected.promise;
        server.terminateClients();
        await expect(client).rejects.toThrow();
        await releaseAccept();
        await done.promise;
        expect(messages).toEqual([{ type: "websocket.connect" }, { type: "websocket.disconnect", code: 1006 }]);
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
//# sourceMappingURL=abort.test.js.map