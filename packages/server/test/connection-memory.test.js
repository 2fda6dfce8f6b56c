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
const node_http_1 = require("node:http");
const ws_1 = __importDefault(require("ws"));
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const channels_server_1 = require("../src/channels-server");
const logger_1 = require("../src/logger");
const options_1 = require("../src/options");
const scope_1 = require("../src/scope");
/**
 * Whether `target` can be reached from `from` through own properties, array items, and Map
 * and Set entries, without passing through `skip` (the server's shared state, which reaches
 * every connection).
 */
function reaches(from, target, skip, limit = 100_000) {
    const seen = new Set();
    const stack = [from];
    while (stack.length > 0 && seen.size < limit) {
        const value = stack.pop();
        if (value === target)
            return true;
        if ((typeof value !== "object" && typeof value !== "function") || value === null)
            continue;
        if (seen.has(value) || skip.has(value))
            continue;
        seen.add(value);
        if (value instanceof Map)
            for (const [k, v] of value)
                stack.push(k, v);
        if (value instanceof Set)
            for (const v of value)
                stack.push(v);
        for (const key of Reflect.ownKeys(value)) {
            const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
            if (descriptor !== undefined && "value" in descriptor)
                stack.push(descriptor.value);
        }
    }
    expect(seen.size).toBeLessThan(limit); // the walk saw everything it could reach
    return false;
}
async function serveWith(app) {
    const channels = new channels_server_1.ChannelsServer(app, (0, options_1.resolveOptions)({ logger: logger_1.silentLogger, pingIntervalMs: 0 }, "serve"));
    const requests = [];
    const http = (0, node_http_1.createServer)();
    http.on("upgrade", (req, socket, head) => {
        requests.push(req);
        channels.handleUpgrade(req, socket, head);
    });
    await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
    const port = http.address().port;
    return { channels, requests, http, url: `ws://127.0.0.1:${port}/room/a/` };
}
test("an accepted WebSocket keeps no reference to its upgrade request", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { channels, requests, http, url } = await serveWith((0, test_fixtures_1.acceptingApp)());
        const _http = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(http), true);
        const ws = new ws_1.default(url);
        const _ws = __addDisposableResource(env_1, (0, test_fixtures_1.closing)({ close: () => ws.terminate() }), true);
        const opened = (0, test_fixtures_1.deferred)();
        ws.once("open", () => opened.resolve());
        await opened.promise;
        const { context } = channels;
        const [connection] = [...context.connections];
        const [req] = requests;
        expect(connection).toBeDefined();
        expect(req).toBeDefined();
        expect(context.handshakes.has(req)).toBe(false);
        expect(reaches(connection, req, new Set([context]))).toBe(false);
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
test("a WebSocket still waiting for its accept holds its request (ws needs it for the handshake)", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const connected = (0, test_fixtures_1.deferred)();
        const app = async (_scope, receive) => {
            await receive(); // websocket.connect, never answered: the handshake stays open
            connected.resolve();
            await receive();
        };
        const { channels, requests, http, url } = await serveWith(app);
        const _http = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(http), true);
        const ws = new ws_1.default(url);
        ws.on("error", () => undefined);
        const _ws = __addDisposableResource(env_2, (0, test_fixtures_1.closing)({ close: () => ws.terminate() }), true);
        await connected.promise;
        const { context } = channels;
        const [connection] = [...context.connections];
        // The walk above can find a request: this is what it would fail on.
        expect(reaches(connection, requests[0], new Set([context]))).toBe(true);
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
test("raw_path does not keep a slice of Node's shared Buffer pool alive", () => {
    const req = {
        url: "/room/a/?x=1",
        httpVersion: "1.1",
        rawHeaders: ["Host", "example.com"],
        headers: { host: "example.com" },
        socket: { remoteAddress: "127.0.0.1", remotePort: 5000, localAddress: "127.0.0.1", localPort: 8000 },
    };
    const scope = (0, scope_1.buildWebsocketScope)(req, (0, options_1.resolveOptions)({}, "serve"));
    const pooled = Buffer.from("x"); // a small Buffer.from is cut from the current pool
    const rawPath = scope.raw_path;
    expect(Buffer.from(rawPath).toString("latin1")).toBe("/room/a/");
    expect(rawPath.buffer).not.toBe(pooled.buffer);
});
test("header names are lower-cased and values kept, whatever the sharing", () => {
    const req = {
        url: "/",
        httpVersion: "1.1",
        rawHeaders: ["Host", "a.example", "X-Custom", "One", "host", "b.example", "Sec-WebSocket-Key", "k=="],
        headers: { host: "a.example" },
        socket: { remoteAddress: "127.0.0.1", remotePort: 5000, localAddress: "127.0.0.1", localPort: 8000 },
    };
    const options = (0, options_1.resolveOptions)({}, "serve");
    for (let i = 0; i < 2; i++) {
        expect((0, scope_1.buildWebsocketScope)(req, options).headers).toEqual([
            ["host", "a.example"],
            ["x-custom", "One"],
            ["host", "b.example"],
            ["sec-websocket-key", "k=="],
        ]);
    }
});
//# sourceMappingURL=connection-memory.test.js.map