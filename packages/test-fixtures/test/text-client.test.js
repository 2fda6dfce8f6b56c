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
const echo_app_1 = require("../src/echo-app");
const open_socket_1 = require("../src/open-socket");
const test_server_1 = require("../src/test-server");
const text_client_1 = require("../src/text-client");
test("records text and binary frames; next() finds a message already received or to come", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_1, await (0, test_server_1.startServer)((0, echo_app_1.echoApp)()), true);
        const client = __addDisposableResource(env_1, await text_client_1.TextClient.open(server.wsUrl("/"), { label: "A" }), true);
        client.send("one");
        expect(await client.next(/^echo:/)).toBe("echo:one");
        client.socket.send(Buffer.from([1, 2, 3]));
        client.send("two");
        expect(await client.next("echo:two")).toBe("echo:two");
        expect(client.received).toEqual(["echo:one", "<3 bytes>", "echo:two"]);
        expect(await client.next("echo:one")).toBe("echo:one");
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
test("a wait that runs out names the client, what it waited for and what came", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, test_server_1.startServer)((0, echo_app_1.echoApp)()), true);
        const client = __addDisposableResource(env_2, await text_client_1.TextClient.open(server.wsUrl("/"), { label: "A" }), true);
        client.send("one");
        await client.next("echo:one");
        await expect(client.next("nothing", 50)).rejects.toThrow('A did not receive "nothing" (after 50 ms); received ["echo:one"]');
        expect(await client.within((received) => received.length > 1, 50)).toBe(false);
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
test("close() and closedBy() give the close code; a refused handshake is Refused with its status", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_3, await (0, test_server_1.startServer)((0, echo_app_1.echoApp)()), true);
        const client = await text_client_1.TextClient.open(server.wsUrl("/"));
        expect(await client.closedBy(20)).toBeUndefined();
        expect(await client.close()).toBe(1000);
        expect(client.isOpen).toBe(false);
        const refusing = __addDisposableResource(env_3, await (0, test_server_1.startServer)(async () => { }), true); // an application that never accepts
        await expect(text_client_1.TextClient.open(refusing.wsUrl("/"))).rejects.toBeInstanceOf(open_socket_1.Refused);
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
//# sourceMappingURL=text-client.test.js.map