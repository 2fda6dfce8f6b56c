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
const chat_process_1 = require("./support/chat-process");
/** The `chat: open` line: the port it listens on and the pid of the server process. */
const LISTENING = /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1 \(layer: memory, pid (\d+)\)$/m;
/** Resolves with the error code of a connection attempt to `port` ("connected" if one succeeds). */
function tryConnect(port) {
    return new Promise((resolve) => {
        const socket = (0, node_net_1.connect)(port, "127.0.0.1");
        socket.once("connect", () => {
            socket.destroy();
            resolve("connected");
        });
        socket.once("error", (error) => resolve(error.code ?? error.message));
    });
}
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
// npm runs a script with `sh -c`; Debian's sh (dash) forks for it, and npm's SIGTERM used to
// stop only that shell, leaving the chat running. `exec tsx ...` makes tsx npm's own child.
describe.each([
    ["the root package.json", ["start"]],
    ["apps/chat/package.json", ["start", "-w", "apps/chat"]],
])("npm start (%s) and a signal to the npm process", (_where, args) => {
    it.each(["SIGTERM", "SIGINT"])("%s stops the chat server gracefully", async (signal) => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            // Disposed at the end: stopped, and should the server outlive npm (the bug this guards
            // against), what is left of npm's process group is killed too.
            const service = __addDisposableResource(env_1, (0, test_fixtures_1.startProcess)("npm", args, {
                name: `npm ${args.join(" ")}`,
                cwd: chat_process_1.REPO_ROOT,
                env: { HOST: "127.0.0.1", PORT: "0", CHANNEL_LAYER: "memory" },
                detached: true,
            }), true);
            const [, port, pid] = (await service.waitFor(LISTENING, 30_000));
            expect(await tryConnect(Number(port))).toBe("connected");
            expect(Number(pid)).not.toBe(service.pid); // the server is a descendant of npm, not npm itself
            process.kill(service.pid, signal);
            expect(await service.exited).toEqual({ code: 0, signal: null });
            expect(service.output).toContain(`chat: ${signal} received: shutting down`);
            // npm exits only after its child, tsx, which exits only after the server process.
            expect(isRunning(Number(pid))).toBe(false);
            expect(await tryConnect(Number(port))).toBe("ECONNREFUSED");
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
});
//# sourceMappingURL=npm-start-signals.test.js.map