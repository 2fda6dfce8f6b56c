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
/** The in-memory layer without its optional fast paths: what a layer that has neither looks like. */
function withoutFastPaths(inner) {
    return {
        extensions: inner.extensions,
        newChannel: (prefix) => inner.newChannel(prefix),
        send: (channel, message) => inner.send(channel, message),
        receive: (channel, options) => inner.receive(channel, options),
        groupAdd: (group, channel) => inner.groupAdd(group, channel),
        groupDiscard: (group, channel) => inner.groupDiscard(group, channel),
        groupSend: (group, message) => inner.groupSend(group, message),
        discardChannel: (channel) => inner.discardChannel(channel),
        flush: () => inner.flush(),
        close: () => inner.close(),
    };
}
/** Records when each handler starts and ends; handlers await in the middle, so overlap would show. */
class Recorder extends core_1.AsyncConsumer {
    static log = [];
    async join() {
        await this.channelLayer.groupAdd("room", this.channelName);
        await this.send({ type: "websocket.send", text: "joined" });
    }
    async client_msg(message) {
        Recorder.log.push(`start client ${String(message.n)}`);
        await Promise.resolve();
        await new Promise((resolve) => setImmediate(resolve));
        Recorder.log.push(`end client ${String(message.n)}`);
    }
    async layer_msg(message) {
        Recorder.log.push(`start layer ${String(message.n)}`);
        await new Promise((resolve) => setImmediate(resolve));
        Recorder.log.push(`end layer ${String(message.n)}`);
    }
    async done() {
        await this.send({ type: "websocket.send", text: "done" });
    }
}
describe.each([
    ["with receiveInto and receiveNowait", (layer) => layer],
    ["with neither fast path", withoutFastPaths],
])("a consumer on a layer %s", (_name, wrap) => {
    it("handles client and layer messages one at a time, each source in order", async () => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _installed = __addDisposableResource(env_1, (0, test_fixtures_1.installChannelLayer)(wrap(new core_1.InMemoryChannelLayer({ capacity: 1000 }))), true);
            Recorder.log = [];
            const c = new core_1.ApplicationCommunicator(Recorder.asApp(), { type: "custom" });
            await c.sendInput({ type: "join" });
            expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "joined" });
            const layer = _installed.layer;
            for (let n = 0; n < 20; n++) {
                await c.sendInput({ type: "client.msg", n });
                await layer.groupSend("room", { type: "layer.msg", n });
            }
            await c.sendInput({ type: "done" });
            expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "done" });
            const log = Recorder.log;
            for (let i = 0; i < log.length; i += 2) {
                // Every start is followed by its own end: no handler began while another was running.
                expect(log[i + 1]).toBe(log[i].replace("start", "end"));
            }
            const order = (source) => log.filter((line) => line.startsWith(`start ${source}`)).map((line) => Number(line.split(" ")[2]));
            const expected = Array.from({ length: 20 }, (_, n) => n);
            expect(order("client")).toEqual(expected);
            expect(order("layer")).toEqual(expected);
            await c.stop();
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
describe("a consumer with synchronous handlers", () => {
    it("drains a backlog of 50,000 layer messages in a loop, not by recursion", async () => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const installed = __addDisposableResource(env_2, (0, test_fixtures_1.installChannelLayer)(new core_1.InMemoryChannelLayer({ capacity: 100_000 })), true);
            let release;
            const released = new Promise((resolve) => (release = resolve));
            let count = 0;
            class SyncHandlers extends core_1.AsyncConsumer {
                async whoami() {
                    await this.send({ type: "websocket.send", text: String(this.channelName) });
                    await released;
                }
                // Not async: dispatch gets undefined back and goes straight on to the next message.
                tick() {
                    count++;
                }
                finish() {
                    return this.send({ type: "websocket.send", text: `ticks ${count}` });
                }
            }
            const c = new core_1.ApplicationCommunicator(SyncHandlers.asApp(), { type: "custom" });
            await c.sendInput({ type: "whoami" });
            const me = await c.receiveOutput();
            const name = "text" in me ? String(me.text) : "";
            for (let i = 0; i < 50_000; i++)
                await installed.layer.send(name, { type: "tick" });
            await installed.layer.send(name, { type: "finish" });
            release();
            expect(await c.receiveOutput(10_000)).toEqual({ type: "websocket.send", text: "ticks 50000" });
            await c.stop();
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
    it("ends the consumer with the error a synchronous handler throws", async () => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const _installed = __addDisposableResource(env_3, (0, test_fixtures_1.installChannelLayer)(new core_1.InMemoryChannelLayer()), true);
            class Throws extends core_1.AsyncConsumer {
                boom() {
                    throw new RangeError("boom from a synchronous handler");
                }
            }
            const c = new core_1.ApplicationCommunicator(Throws.asApp(), { type: "custom" });
            await c.sendInput({ type: "boom" });
            await expect(c.wait()).rejects.toThrow("boom from a synchronous handler");
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
});
//# sourceMappingURL=dispatch-order.test.js.map