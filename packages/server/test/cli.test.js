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
const node_path_1 = require("node:path");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const bin = (0, node_path_1.join)(__dirname, "..", "bin", "channels-ts.js");
const fixture = (0, node_path_1.join)(__dirname, "fixtures", "cli-app.ts");
const processes = (0, test_fixtures_1.useProcesses)();
test("channels-ts serve runs a .ts module, logs its port and access lines, and exits 0 on SIGTERM after a graceful close", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const clients = __addDisposableResource(env_1, new test_fixtures_1.WsClients(), false);
        const child = processes.start(process.execPath, [
            bin,
            "serve",
            `${fixture}:application`,
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ]);
        const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
        const reply = await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/hello`);
        expect(reply.body).toBe("cli /hello");
        await child.waitFor(/"GET \/hello" 200 10/);
        const ws = await clients.open(`ws://127.0.0.1:${port}/ws/`);
        const echoed = (0, test_fixtures_1.nextFrame)(ws);
        ws.send("hi");
        expect(await echoed).toBe("echo:hi");
        const wsClosed = (0, test_fixtures_1.closed)(ws);
        child.kill("SIGTERM");
        expect((await wsClosed).code).toBe(1001);
        expect((await child.exited).code).toBe(0);
        expect(child.stdout).toContain("disconnect 1001");
        expect(child.stdout).toContain("lifespan shutdown");
        expect(child.stderr).toBe("");
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        __disposeResources(env_1);
    }
});
test("channels-ts serve explains a missing export and exits 1", async () => {
    const child = processes.start(process.execPath, [bin, "serve", `${fixture}:nothing`, "--port", "0"]);
    expect((await child.exited).code).toBe(1);
    expect(child.stderr).toContain('no "nothing" export');
    expect(child.stderr).toContain("it exports: application");
});
test("channels-ts worker runs the module's application on its channels and exits 0 on SIGTERM", async () => {
    const workerFixture = (0, node_path_1.join)(__dirname, "fixtures", "worker-app.ts");
    const child = processes.start(process.execPath, [bin, "worker", workerFixture, "thumbnails"]);
    await child.waitFor(/worker thumbnails got thumbnail\.make 2/);
    expect(child.stdout).toContain("worker thumbnails got thumbnail.make 1\nworker thumbnails got thumbnail.make 2");
    child.kill("SIGTERM");
    expect((await child.exited).code).toBe(0);
});
//# sourceMappingURL=cli.test.js.map