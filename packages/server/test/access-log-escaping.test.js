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
const access_log_1 = require("../src/access-log");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const date = new Date(2026, 10, 25, 20, 0, 0);
test("control characters, quotes and backslashes in logged fields are written as \\xNN", () => {
    expect((0, access_log_1.formatAccessLine)("1.2.3.4:5", 'GET /a\nb\r"c"\\d\u0000\u001b[31m\u007f\u0085', 200, 1, date)).toBe('1.2.3.4:5 - - [25/Nov/2026:20:00:00] "GET /a\\x0ab\\x0d\\x22c\\x22\\x5cd\\x00\\x1b[31m\\x7f\\x85" 200 1');
    // Line separators and bidi overrides would split or disguise a line in a viewer.
    expect((0, access_log_1.formatAccessLine)("x\u2028y", "GET /\u202egnp.exe", undefined, undefined, date)).toBe('x\\u2028y - - [25/Nov/2026:20:00:00] "GET /\\u202egnp.exe" - -');
});
test("ordinary text, including non-ASCII letters, is logged as is", () => {
    expect((0, access_log_1.formatAccessLine)("[::1]:80", "GET /café/日本/😀 ok", 200, 5, date)).toBe('[::1]:80 - - [25/Nov/2026:20:00:00] "GET /café/日本/😀 ok" 200 5');
});
test("a WebSocket path that percent-decodes to a newline cannot forge an access-log line", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type !== "websocket")
                return;
            await receive();
            await send({ type: "websocket.close" });
        }, { logger }), true);
        const forged = "/x%0A10.0.0.1:1234%20-%20-%20%5B25/Nov/2026:20:00:00%5D%20%22GET%20/admin%22%20200%200";
        expect(await server.refusal(forged)).toBe(403); // closed before accept
        await logger.waitFor((e) => e.msg.includes("WSREJECT"));
        const lines = logger.entries.filter((e) => e.msg.includes(" - - [")).map((e) => e.msg);
        expect(lines).toHaveLength(2);
        for (const line of lines) {
            expect(line).not.toMatch(/[\n\r]/);
            expect(line).toMatch(/"WS(CONNECTING|REJECT) \/x\\x0a10\.0\.0\.1:1234 - - \[25\/Nov\/2026:20:00:00\] \\x22GET \/admin\\x22 200 0" - -$/);
        }
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
//# sourceMappingURL=access-log-escaping.test.js.map