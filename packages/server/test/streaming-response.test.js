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
test("server-sent events: each http.response.body chunk reaches the client before the response ends", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const next = [(0, test_fixtures_1.deferred)(), (0, test_fixtures_1.deferred)()];
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, _receive, send) => {
            if (scope.type !== "http")
                return;
            await send({
                type: "http.response.start",
                status: 200,
                headers: [
                    ["content-type", "text/event-stream"],
                    ["cache-control", "no-cache"],
                ],
            });
            await send({ type: "http.response.body", body: new Uint8Array(0), more_body: true });
            for (const [i, gate] of next.entries()) {
                await send({ type: "http.response.body", body: Buffer.from(`data: event ${i}\n\n`), more_body: true });
                await gate.promise; // the client has to see this event before the next is even produced
            }
            await send({ type: "http.response.body", body: Buffer.from("data: bye\n\n") });
        }), true);
        const received = [];
        const ended = new Promise((resolve, reject) => {
            (0, node_http_1.get)(`${server.url}/events`, { agent: false }, (res) => {
                res.setEncoding("utf8");
                res.on("data", (chunk) => {
                    received.push(chunk);
                    const i = received.join("").split("\n\n").length - 2;
                    next[i]?.resolve();
                });
                res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] }));
            }).on("error", reject);
        });
        expect(await ended).toEqual({ status: 200, type: "text/event-stream" });
        expect(received.join("")).toBe("data: event 0\n\ndata: event 1\n\ndata: bye\n\n");
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
test("headers of a streaming response can repeat (two set-cookie headers)", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, _receive, send) => {
            if (scope.type !== "http")
                return;
            await send({
                type: "http.response.start",
                status: 201,
                headers: [
                    ["set-cookie", "a=1"],
                    ["set-cookie", "b=2"],
                ],
            });
            await send({ type: "http.response.body", body: Buffer.from("x"), more_body: true });
            await send({ type: "http.response.body", body: Buffer.from("y") });
        }), true);
        const reply = await new Promise((resolve, reject) => {
            (0, node_http_1.get)(`${server.url}/`, { agent: false }, (res) => {
                let body = "";
                res.on("data", (d) => (body += d));
                res.on("end", () => resolve({ cookies: res.headers["set-cookie"], body }));
            }).on("error", reject);
        });
        expect(reply).toEqual({ cookies: ["a=1", "b=2"], body: "xy" });
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
//# sourceMappingURL=streaming-response.test.js.map