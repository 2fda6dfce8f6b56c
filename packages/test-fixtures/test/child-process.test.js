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
const child_process_1 = require("../src/child-process");
/** A node process running `script`. */
function node(script) {
    return (0, child_process_1.startProcess)(process.execPath, ["-e", script], { name: "the script" });
}
test("waitFor resolves with the match of a line written on either stream; exited carries the code", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const child = __addDisposableResource(env_1, node('console.log("ready on 42"); console.error("oops"); process.exitCode = 3;'), true);
        const [, port] = await child.waitFor(/ready on (\d+)/);
        expect(port).toBe("42");
        await child.waitFor(/oops/);
        expect(await child.exited).toEqual({ code: 3, signal: null });
        expect([child.stdout, child.stderr]).toEqual(["ready on 42\n", "oops\n"]);
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
test("waitFor rejects, naming the process, the pattern and the output, on a timeout or once the process has ended", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const child = __addDisposableResource(env_2, node('console.log("started"); setInterval(() => {}, 1000);'), true);
        await child.waitFor(/started/);
        await expect(child.waitFor(/never/, 100)).rejects.toThrow("the script wrote nothing matching for 100 ms before writing /never/; its output:\nstarted\n");
        await child.stop();
        await expect(child.waitFor(/never/)).rejects.toThrow("the script ended (SIGTERM) before writing /never/");
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
test("stop sends SIGTERM, and SIGKILL after the grace period to a process that ignores it", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const polite = __addDisposableResource(env_3, node('console.log("up"); setInterval(() => {}, 1000);'), true);
        await polite.waitFor(/up/);
        expect(await polite.stop()).toEqual({ code: null, signal: "SIGTERM", killed: false });
        const stubborn = __addDisposableResource(env_3, node('process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000);'), true);
        await stubborn.waitFor(/up/);
        expect(await stubborn.stop(200)).toEqual({ code: null, signal: "SIGKILL", killed: true });
        expect(stubborn.alive).toBe(false);
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
test("env is laid over this process's environment, and undefined removes a variable", async () => {
    process.env.FIXTURE_INHERITED = "kept";
    process.env.FIXTURE_REMOVED = "present";
    try {
        const env_4 = { stack: [], error: void 0, hasError: false };
        try {
            const child = __addDisposableResource(env_4, (0, child_process_1.startProcess)(process.execPath, [
                "-e",
                "console.log([process.env.FIXTURE_INHERITED, process.env.FIXTURE_ADDED, process.env.FIXTURE_REMOVED].join())",
            ], { env: { FIXTURE_ADDED: "added", FIXTURE_REMOVED: undefined } }), true);
            await child.exited;
            expect(child.stdout).toBe("kept,added,\n");
        }
        catch (e_4) {
            env_4.error = e_4;
            env_4.hasError = true;
        }
        finally {
            const result_4 = __disposeResources(env_4);
            if (result_4)
                await result_4;
        }
    }
    finally {
        delete process.env.FIXTURE_INHERITED;
        delete process.env.FIXTURE_REMOVED;
    }
});
//# sourceMappingURL=child-process.test.js.map