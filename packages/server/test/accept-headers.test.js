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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const ws_1 = __importDefault(require("ws"));
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
test("headers given in websocket.accept are added to the 101 response", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({
                type: "websocket.accept",
                headers: [
                    ["set-cookie", "session=abc"],
                    ["x-served-by", "channels-ts"],
                ],
            });
        }), true);
        const ws = new ws_1.default(server.wsUrl("/"));
        const upgraded = new Promise((resolve, reject) => {
            ws.once("upgrade", (res) => resolve(res.headers));
            ws.once("error", reject);
        });
        const opened = new Promise((resolve) => ws.once("open", resolve));
        const headers = await upgraded;
        await opened;
        ws.terminate();
        expect(headers["set-cookie"]).toEqual(["session=abc"]);
        expect(headers["x-served-by"]).toBe("channels-ts");
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
test.each([
    ["a NUL in a value", [["x-a", "v\u0000 bad"]], /"x-a" has value/],
    ["a C1 control in a value", [["x-a", "v\u0085"]], /"x-a" has value/],
    ["CR LF in a value", [["x-a", "v\r\nset-cookie: evil=1"]], /"x-a" has value/],
    ["a space in a name", [["bad name", "1"]], /name "bad name" is not a valid HTTP header name/],
    ["a colon in a name", [["x:y", "1"]], /name "x:y" is not a valid HTTP header name/],
    ["an empty name", [["", "1"]], /name "" is not a valid HTTP header name/],
    ["a header the handshake owns", [["Sec-WebSocket-Accept", "x"]], /"Sec-WebSocket-Accept" is set by the server/],
])("websocket.accept with %s is a ProtocolError naming the header; the handshake is refused", async (_what, headers, message) => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const failure = (0, test_fixtures_1.deferred)();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            try {
                await send({ type: "websocket.accept", headers });
            }
            catch (err) {
                failure.resolve(err);
                throw err;
            }
        }), true);
        expect(await server.refusal("/")).toBe(500);
        const err = await failure.promise;
        expect(err).toBeInstanceOf(core_1.ProtocolError);
        expect(err.message).toMatch(message);
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
//# sourceMappingURL=accept-headers.test.js.map