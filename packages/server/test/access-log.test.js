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
test("formatAccessLine writes Daphne's format", () => {
    const line = (0, access_log_1.formatAccessLine)("127.0.0.1:53422", "GET /path", 200, 1234, new Date(2026, 10, 25, 20, 0, 0));
    expect(line).toBe('127.0.0.1:53422 - - [25/Nov/2026:20:00:00] "GET /path" 200 1234');
    expect((0, access_log_1.formatAccessLine)("1.2.3.4:1", "WSCONNECT /room/1/", undefined, undefined, new Date(2026, 0, 5, 3, 4, 5))).toBe('1.2.3.4:1 - - [05/Jan/2026:03:04:05] "WSCONNECT /room/1/" - -');
});
test("requests and WebSocket lifecycles are logged, one line each, at info", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const logger = (0, test_fixtures_1.recordingLogger)();
        const server = __addDisposableResource(env_1, await (0, test_fixtures_1.startServer)(async (scope, receive, send) => {
            if (scope.type === "http") {
                await send({ type: "http.response.start", status: 201, headers: [] });
                await send({ type: "http.response.body", body: Buffer.from("12345") });
            }
            else if (scope.type === "websocket") {
                await receive();
                await send({ type: "websocket.accept" });
                await receive();
            }
        }, { logger }), true);
        await (0, test_fixtures_1.fetchText)(`${server.url}/items?secret=1`);
        const ws = await server.openWs("/room/1/");
        const end = (0, test_fixtures_1.closed)(ws);
        ws.close();
        await end;
        await logger.waitFor((e) => e.msg.includes("WSDISCONNECT"));
        const lines = logger.entries.filter((e) => e.level === "info" && e.msg.includes(" - - [")).map((e) => e.msg);
        expect(lines).toHaveLength(4);
        expect(lines[0]).toMatch(/^127\.0\.0\.1:\d+ - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2}\] "GET \/items" 201 5$/);
        expect(lines.slice(1).map((l) => l.replace(/^.*\] /, ""))).toEqual([
            '"WSCONNECTING /room/1/" - -',
            '"WSCONNECT /room/1/" - -',
            '"WSDISCONNECT /room/1/" - -',
        ]);
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
//# sourceMappingURL=access-log.test.js.map