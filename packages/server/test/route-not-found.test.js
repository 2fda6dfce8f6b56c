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
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const noRoutes = async (scope) => {
    if (scope.type === "lifespan")
        return;
    throw new core_1.RouteNotFound(scope.path);
};
test("RouteNotFound answers HTTP 404 with one warning line and no stack trace", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(noRoutes, { logger }), true);
        const reply = await (0, test_fixtures_1.fetchText)(`${server.url}/nowhere/?q=1`);
        expect(reply.status).toBe(404);
        const warnings = logger.entries.filter((e) => e.level === "warn" || e.level === "error");
        expect(warnings).toHaveLength(1);
        expect(warnings[0].level).toBe("warn");
        expect(warnings[0].msg).toContain("/nowhere/");
        expect(warnings[0].msg).not.toMatch(/\n\s+at /);
        expect(JSON.stringify(warnings[0].obj)).not.toContain("stack");
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
test("RouteNotFound refuses the WebSocket handshake with 404", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_2, await (0, test_fixtures_1.startServer)(noRoutes, { logger }), true);
        expect(await server.refusal("/ws/nowhere/")).toBe(404);
        const warnings = logger.entries.filter((e) => e.level === "warn" || e.level === "error");
        expect(warnings.map((w) => w.level)).toEqual(["warn"]);
        expect(warnings[0].msg).toContain("/ws/nowhere/");
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
test("an error carrying code ROUTE_NOT_FOUND (another copy of core) is a 404 too", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_3, await (0, test_fixtures_1.startServer)(async (scope) => {
            if (scope.type === "lifespan")
                return;
            throw Object.assign(new Error("no route"), { code: "ROUTE_NOT_FOUND" });
        }), true);
        expect((await (0, test_fixtures_1.fetchText)(`${server.url}/x`)).status).toBe(404);
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
//# sourceMappingURL=route-not-found.test.js.map