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
const test_fixtures_1 = require("@channels-ts/test-fixtures");
test("the request body reaches the application in http.request chunks as it arrives, ending with more_body false", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const firstChunk = (0, test_fixtures_1.deferred)();
        const messages = [];
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "http")
                return;
            let total = 0;
            for (;;) {
                const message = await receive();
                messages.push(message);
                if (message.type !== "http.request")
                    return;
                total += message.body.length;
                firstChunk.resolve();
                if (message.more_body !== true)
                    break;
            }
            await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
            await send({ type: "http.response.body", body: Buffer.from(String(total)) });
        }), true);
        const part = Buffer.alloc(64 * 1024, 0x61);
        const reply = new Promise((resolve, reject) => {
            const req = (0, node_http_1.request)(`${server.url}/upload`, { method: "POST", agent: false }, (res) => {
                let body = "";
                res.on("data", (d) => (body += d));
                res.on("end", () => resolve(body));
            });
            req.on("error", reject);
            req.write(part);
            // The rest is only sent once the application has seen the start: the body is streamed, not buffered.
            void firstChunk.promise.then(() => req.end(part));
        });
        expect(await reply).toBe(String(2 * part.length));
        expect(messages.length).toBeGreaterThan(1);
        for (const m of messages.slice(0, -1))
            expect(m).toMatchObject({ type: "http.request", more_body: true });
        expect(messages[messages.length - 1]).toMatchObject({ type: "http.request", more_body: false });
        expect(messages.every((m) => m.body instanceof Uint8Array)).toBe(true);
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
test("a request without a body is one http.request with an empty body and more_body false", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const seen = (0, test_fixtures_1.deferred)();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "http")
                return;
            seen.resolve(await receive());
            await send({ type: "http.response.start", status: 200, headers: [] });
            await send({ type: "http.response.body", body: Buffer.from("done") });
        }), true);
        expect((await (0, test_fixtures_1.fetchText)(`${server.url}/`)).body).toBe("done");
        const message = await seen.promise;
        expect(message).toMatchObject({ type: "http.request", more_body: false });
        expect(message.body.length).toBe(0);
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
test("keep-alive survives a response sent before the whole body was read", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "http")
                return;
            await receive(); // only the first chunk
            await send({ type: "http.response.start", status: 413, headers: [] });
            await send({ type: "http.response.body", body: Buffer.from("too big") });
        }), true);
        const { Agent } = await Promise.resolve().then(() => __importStar(require("node:http")));
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const post = () => new Promise((resolve, reject) => {
            const req = (0, node_http_1.request)(`${server.url}/`, { method: "POST", agent }, (res) => {
                res.resume();
                res.on("end", () => resolve(res.statusCode ?? 0));
            });
            req.on("error", reject);
            req.end(Buffer.alloc(200 * 1024));
        });
        expect(await post()).toBe(413);
        expect(await post()).toBe(413);
        agent.destroy();
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
//# sourceMappingURL=request-body.test.js.map