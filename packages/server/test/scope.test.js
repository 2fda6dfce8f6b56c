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
const node_net_1 = require("node:net");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
/** Captures the first http/websocket scope it is given and answers minimally. */
function capture() {
    const seen = (0, test_fixtures_1.deferred)();
    const app = async (scope, receive, send) => {
        if (scope.type === "http") {
            seen.resolve(scope);
            await send({ type: "http.response.start", status: 204, headers: [] });
            await send({ type: "http.response.body", body: new Uint8Array(0) });
        }
        else if (scope.type === "websocket") {
            seen.resolve(scope);
            await receive();
            await send({ type: "websocket.accept", subprotocol: scope.subprotocols[0] });
        }
    };
    return { app, scope: seen.promise };
}
/** Sends a request with exact header bytes, which node:http's client would normalise. */
function rawRequest(port, text) {
    return new Promise((resolve, reject) => {
        const socket = (0, node_net_1.createConnection)(port, "127.0.0.1", () => socket.write(text));
        let reply = "";
        socket.on("data", (d) => {
            reply += d.toString();
            if (reply.includes("\r\n\r\n"))
                socket.end();
        });
        socket.on("close", () => resolve(reply));
        socket.on("error", reject);
    });
}
test("http scope: method, paths, raw query string, root_path, headers in arrival order, client and server", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { app, scope } = capture();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(app, { rootPath: "/prefix" }), true);
        const reply = await rawRequest(server.address.port, "PATCH /caf%C3%A9/a%20b%2Fc?x=1&y=%20z&x=2 HTTP/1.1\r\n" +
            "Host: example.test\r\n" +
            "X-Custom: one\r\n" +
            "Accept: */*\r\n" +
            "x-custom: two\r\n" +
            "Content-Length: 0\r\n\r\n");
        expect(reply.startsWith("HTTP/1.1 204")).toBe(true);
        const s = await scope;
        expect(s).toMatchObject({
            type: "http",
            asgi: { version: "3.0" },
            http_version: "1.1",
            method: "PATCH",
            scheme: "http",
            path: "/café/a b/c",
            query_string: "x=1&y=%20z&x=2",
            root_path: "/prefix",
        });
        expect(Buffer.from(s.raw_path).toString("latin1")).toBe("/caf%C3%A9/a%20b%2Fc");
        expect(s.headers).toEqual([
            ["host", "example.test"],
            ["x-custom", "one"],
            ["accept", "*/*"],
            ["x-custom", "two"],
            ["content-length", "0"],
        ]);
        const client = s.client;
        expect(client[0]).toMatch(/127\.0\.0\.1$/);
        expect(client[1]).toBeGreaterThan(0);
        expect(s.server).toEqual([expect.stringMatching(/127\.0\.0\.1$/), server.address.port]);
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
test("a malformed percent escape does not break the request; it stays as written", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const { app, scope } = capture();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(app), true);
        await (0, test_fixtures_1.fetchText)(`${server.url}/bad%zz/%E9`);
        expect((await scope).path).toBe("/bad%zz/\uFFFD");
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
test("websocket scope: ws scheme, decoded path, query string and offered subprotocols", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const { app, scope } = capture();
        const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(app), true);
        await server.openWs(`/room/%C3%A9t%C3%A9/?token=a%2Bb`, ["chat.v2", "chat.v1"], {
            headers: { "X-Trace": "abc" },
        });
        const s = await scope;
        expect(s).toMatchObject({
            type: "websocket",
            scheme: "ws",
            path: "/room/été/",
            query_string: "token=a%2Bb",
            root_path: "",
            subprotocols: ["chat.v2", "chat.v1"],
        });
        const headers = s.headers;
        expect(headers).toContainEqual(["x-trace", "abc"]);
        expect(headers).toContainEqual(["sec-websocket-protocol", "chat.v2,chat.v1"]);
        expect(headers.every(([name]) => name === name.toLowerCase())).toBe(true);
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
//# sourceMappingURL=scope.test.js.map