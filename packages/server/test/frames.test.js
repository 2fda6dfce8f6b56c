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
/** Echoes each frame back in the same kind, prefixed to show the application handled it. */
const echo = async (scope, receive, send) => {
    if (scope.type !== "websocket")
        return;
    for (;;) {
        const message = await receive();
        if (message.type === "websocket.connect")
            await send({ type: "websocket.accept" });
        else if (message.type === "websocket.disconnect")
            return;
        else if (typeof message.text === "string")
            await send({ type: "websocket.send", text: `echo:${message.text}` });
        else if (message.bytes instanceof Uint8Array) {
            await send({ type: "websocket.send", bytes: Buffer.concat([Buffer.from([0xff]), message.bytes]) });
        }
    }
};
test("text frames arrive as text and bytes frames as bytes, and go back the same way", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(echo), true);
        const ws = await server.openWs("/echo/");
        const textReply = (0, test_fixtures_1.nextFrame)(ws);
        ws.send("héllo");
        expect(await textReply).toBe("echo:héllo");
        const bytesReply = (0, test_fixtures_1.nextFrame)(ws);
        ws.send(Buffer.from([1, 2, 3]));
        const bytes = await bytesReply;
        expect(Buffer.isBuffer(bytes)).toBe(true);
        expect([...bytes]).toEqual([0xff, 1, 2, 3]);
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
test("websocket.send with both text and bytes is an application error (1011)", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (_scope, receive, send) => {
            await receive();
            await send({ type: "websocket.accept" });
            // @ts-expect-error -- the types refuse it; a JavaScript application can still send it
            await send({ type: "websocket.send", text: "a", bytes: new Uint8Array([1]) });
        }), true);
        const ws = await server.openWs("/");
        const code = await new Promise((resolve) => ws.once("close", resolve));
        expect(code).toBe(1011);
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
//# sourceMappingURL=frames.test.js.map