"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
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
const ws_1 = __importStar(require("ws"));
const src_1 = require("../src");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
let host;
afterEach(async () => {
    if (host !== undefined) {
        host.closeAllConnections();
        await new Promise((resolve) => host.close(resolve));
    }
    host = undefined;
});
async function listen(server) {
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return server.address().port;
}
const channelsApp = (0, test_fixtures_1.echoApp)("channels:");
test("attach() takes upgrades on its paths and leaves the host's routes and other upgrades alone", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const clients = __addDisposableResource(env_1, new test_fixtures_1.WsClients(), false);
        host = (0, node_http_1.createServer)((_req, res) => res.end("host"));
        const hostWss = new ws_1.WebSocketServer({ noServer: true });
        host.on("upgrade", (req, socket, head) => {
            if (req.url === "/host-ws")
                hostWss.handleUpgrade(req, socket, head, (ws) => ws.send("from host ws"));
            else
                socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
        });
        const handle = (0, src_1.attach)(host, channelsApp, { paths: ["/ws"], logger: src_1.silentLogger });
        const port = await listen(host);
        const ours = await clients.open(`ws://127.0.0.1:${port}/ws/room/1/`);
        const reply = (0, test_fixtures_1.nextFrame)(ours);
        ours.send("hi");
        expect(await reply).toBe("channels:hi");
        const theirs = new ws_1.default(`ws://127.0.0.1:${port}/host-ws`);
        expect(await (0, test_fixtures_1.nextFrame)(theirs)).toBe("from host ws");
        theirs.terminate();
        expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/ws/room/1/`)).body).toBe("host"); // http: false
        expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/other`)).body).toBe("host");
        expect(await clients.refusal(`ws://127.0.0.1:${port}/wsx`)).toBe(400); // the host's listener answered
        const end = (0, test_fixtures_1.closed)(ours);
        await handle.close();
        expect((await end).code).toBe(1001);
        expect(host.listenerCount("upgrade")).toBe(1); // the host's own listener, restored
        hostWss.close();
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        __disposeResources(env_1);
    }
});
test("attach() with http: true serves HTTP on its paths and forwards the rest to the host", async () => {
    host = (0, node_http_1.createServer)((_req, res) => res.end("host"));
    const handle = (0, src_1.attach)(host, channelsApp, { paths: (p) => p.startsWith("/api/"), http: true, logger: src_1.silentLogger });
    const port = await listen(host);
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/api/items`)).body).toBe("channels:/api/items");
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/index.html`)).body).toBe("host");
    await handle.close();
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/api/items`)).body).toBe("host");
});
test("an upgrade that no one claims is refused with 404 instead of hanging", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const clients = __addDisposableResource(env_2, new test_fixtures_1.WsClients(), false);
        host = (0, node_http_1.createServer)((_req, res) => res.end("host"));
        const handle = (0, src_1.attach)(host, channelsApp, { paths: ["/ws"], logger: src_1.silentLogger });
        const port = await listen(host);
        expect(await clients.refusal(`ws://127.0.0.1:${port}/elsewhere`)).toBe(404);
        await handle.close();
    }
    catch (e_2) {
        env_2.error = e_2;
        env_2.hasError = true;
    }
    finally {
        __disposeResources(env_2);
    }
});
describe("each paths entry is a mount point: it is the scope's root_path, so routes are relative to it", () => {
    const rootOf = async (scope, receive, send) => {
        await receive();
        await send({ type: "websocket.accept" });
        await receive(); // the client's first frame: it listens by then
        await send({ type: "websocket.send", text: `${String(scope.path)} root=${String(scope.root_path)}` });
    };
    test.each([
        [{ paths: ["/ws", "/live/"] }, "/ws/a/", "/ws/a/ root=/ws"],
        [{ paths: ["/ws", "/live/"] }, "/live/b/", "/live/b/ root=/live"],
        [{ paths: ["/app/ws"], rootPath: "/app" }, "/app/ws/c/", "/app/ws/c/ root=/app"], // an explicit rootPath wins
        [{ paths: ["/ws"], rootPath: "" }, "/ws/d/", "/ws/d/ root="],
        [{ paths: (p) => p.startsWith("/x"), rootPath: "/x" }, "/x/e/", "/x/e/ root=/x"], // a predicate has no prefix
        [{ paths: (p) => p.startsWith("/x") }, "/x/f/", "/x/f/ root="],
    ])("%j: %s", async (options, url, expected) => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const clients = __addDisposableResource(env_3, new test_fixtures_1.WsClients(), false);
            host = (0, node_http_1.createServer)((_req, res) => res.end("host"));
            const handle = (0, src_1.attach)(host, rootOf, { ...options, logger: src_1.silentLogger });
            const port = await listen(host);
            const ws = await clients.open(`ws://127.0.0.1:${port}${url}`);
            const reply = (0, test_fixtures_1.nextFrame)(ws);
            ws.send("?");
            expect(await reply).toBe(expected);
            await handle.close();
        }
        catch (e_3) {
            env_3.error = e_3;
            env_3.hasError = true;
        }
        finally {
            __disposeResources(env_3);
        }
    });
    test("a rootPath that some paths are not under is rejected, naming both", () => {
        const server = (0, node_http_1.createServer)();
        expect(() => (0, src_1.attach)(server, channelsApp, { paths: ["/ws", "/api"], rootPath: "/ws" })).toThrow('Options rootPath "/ws" and paths ["/api"] conflict');
    });
});
//# sourceMappingURL=attach.test.js.map