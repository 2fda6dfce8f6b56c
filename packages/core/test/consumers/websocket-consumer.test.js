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
const layer = (0, test_fixtures_1.useChannelLayer)();
class EchoConsumer extends core_1.WebsocketConsumer {
    async receive(text, bytes) {
        if (text !== undefined)
            await this.send(`echo:${text}`);
        else if (bytes !== undefined)
            await this.send(bytes);
    }
}
describe("WebsocketConsumer", () => {
    it("accepts by default and echoes text and binary frames", async () => {
        const c = new core_1.WebsocketCommunicator(EchoConsumer.asApp(), "/echo/");
        expect(await c.connect()).toEqual({ connected: true, subprotocol: null, closeCode: null });
        await c.sendTo("hi");
        expect(await c.receiveFrom()).toBe("echo:hi");
        await c.sendTo(new Uint8Array([1, 2, 3]));
        expect(Buffer.from(await c.receiveFrom())).toEqual(Buffer.from([1, 2, 3]));
        await c.disconnect();
    });
    it("accepts a chosen subprotocol with extra headers", async () => {
        class Proto extends core_1.WebsocketConsumer {
            async connect() {
                await this.accept(this.scope.subprotocols[1] ?? null, [["x-extra", "1"]]);
            }
        }
        const c = new core_1.WebsocketCommunicator(Proto.asApp(), "/", { subprotocols: ["v1", "v2"] });
        expect(await c.connect()).toMatchObject({ connected: true, subprotocol: "v2" });
        await c.disconnect();
    });
    it("refuses the handshake when connect() closes, with the close code", async () => {
        class Refuse extends core_1.WebsocketConsumer {
            async connect() {
                await this.close(4001);
            }
        }
        const c = new core_1.WebsocketCommunicator(Refuse.asApp(), "/");
        expect(await c.connect()).toEqual({ connected: false, subprotocol: null, closeCode: 4001 });
        await c.disconnect();
    });
    it("treats DenyConnection and AcceptConnection thrown from connect()", async () => {
        class Deny extends core_1.WebsocketConsumer {
            async connect() {
                throw new core_1.DenyConnection();
            }
        }
        class Accept extends core_1.WebsocketConsumer {
            async connect() {
                throw new core_1.AcceptConnection();
            }
        }
        const denied = new core_1.WebsocketCommunicator(Deny.asApp(), "/");
        expect((await denied.connect()).connected).toBe(false);
        await denied.disconnect();
        const accepted = new core_1.WebsocketCommunicator(Accept.asApp(), "/");
        expect((await accepted.connect()).connected).toBe(true);
        await accepted.disconnect();
    });
    it("sends then closes with send(data, close)", async () => {
        class Bye extends core_1.WebsocketConsumer {
            async receive(text) {
                await this.send(`bye ${text ?? ""}`, 4002);
            }
        }
        const c = new core_1.WebsocketCommunicator(Bye.asApp(), "/");
        await c.connect();
        await c.sendTo("now");
        expect(await c.receiveFrom()).toBe("bye now");
        expect(await c.receiveOutput()).toEqual({ type: "websocket.close", code: 4002 });
        await c.disconnect();
    });
    it("calls disconnect() with the close code, exactly once", async () => {
        const codes = [];
        class Track extends core_1.WebsocketConsumer {
            async disconnect(code) {
                codes.push(code);
            }
        }
        const c = new core_1.WebsocketCommunicator(Track.asApp(), "/");
        await c.connect();
        await c.disconnect(4321);
        expect(codes).toEqual([4321]);
    });
    it("joins `groups` on connect, dispatches group messages by type, and leaves on disconnect", async () => {
        class Room extends core_1.WebsocketConsumer {
            groups = ["room"];
            async chat_message(message) {
                await this.send(String(message.text));
            }
        }
        const a = new core_1.WebsocketCommunicator(Room.asApp(), "/");
        const b = new core_1.WebsocketCommunicator(Room.asApp(), "/");
        await a.connect();
        await b.connect();
        await layer().groupSend("room", { type: "chat.message", text: "hello" });
        expect(await a.receiveFrom()).toBe("hello");
        expect(await b.receiveFrom()).toBe("hello");
        await a.disconnect();
        await layer().groupSend("room", { type: "chat.message", text: "second" });
        expect(await b.receiveFrom()).toBe("second");
        await b.disconnect();
    });
    it("supports the tutorial's low-level handlers with StopConsumer", async () => {
        const events = [];
        class Tutorial extends core_1.WebsocketConsumer {
            async websocket_connect() {
                await this.accept();
                await this.channelLayer.groupAdd("g1", this.channelName);
            }
            async websocket_receive(message) {
                await this.channelLayer.groupSend("g1", { type: "xx_oo", message });
            }
            async xx_oo(event) {
                await this.send(String(event.message.text));
            }
            async websocket_disconnect() {
                events.push("disconnect");
                await this.channelLayer.groupDiscard("g1", this.channelName);
                throw new core_1.StopConsumer();
            }
        }
        const c = new core_1.WebsocketCommunicator(Tutorial.asApp(), "/room/g1/");
        await c.connect();
        await c.sendTo("ni hao");
        expect(await c.receiveFrom()).toBe("ni hao");
        await c.disconnect();
        expect(events).toEqual(["disconnect"]);
    });
    it("removes the channel and every membership as soon as the consumer ends, whatever the reason", async () => {
        let name;
        class Crashy extends core_1.WebsocketConsumer {
            groups = ["a", "b"];
            async connect() {
                name = this.channelName;
                await this.accept();
            }
            async receive() {
                throw new Error("boom");
            }
        }
        const c = new core_1.WebsocketCommunicator(Crashy.asApp(), "/");
        await c.connect();
        await c.sendTo("x");
        await expect(c.wait()).rejects.toThrow("boom");
        // The membership is gone now, not after groupExpiry: a send to the channel finds no queue kept.
        await layer().groupSend("a", { type: "chat.message" });
        await layer().groupSend("b", { type: "chat.message" });
        const probe = await layer().newChannel();
        await layer().groupAdd("a", probe);
        await layer().groupSend("a", { type: "only.probe" });
        expect(await layer().receive(probe)).toEqual({ type: "only.probe" });
        expect(name).toMatch(/!/);
    });
    it("a handler error ends only that consumer", async () => {
        class Fragile extends core_1.WebsocketConsumer {
            async receive(text) {
                if (text === "die")
                    throw new Error("bad frame");
                await this.send(`ok:${text ?? ""}`);
            }
        }
        const a = new core_1.WebsocketCommunicator(Fragile.asApp(), "/");
        const b = new core_1.WebsocketCommunicator(Fragile.asApp(), "/");
        await a.connect();
        await b.connect();
        await a.sendTo("die");
        await expect(a.receiveOutput()).rejects.toThrow("bad frame");
        await b.sendTo("still here");
        expect(await b.receiveFrom()).toBe("ok:still here");
        await b.disconnect();
    });
    it("a message with no handler is a clear error naming its type", async () => {
        class Named extends core_1.WebsocketConsumer {
            async connect() {
                await this.accept();
                await this.groupAdd("nohandler");
            }
        }
        const n = new core_1.WebsocketCommunicator(Named.asApp(), "/");
        await n.connect();
        await layer().groupSend("nohandler", { type: "no.such.handler" });
        await expect(n.receiveOutput()).rejects.toThrow(/no\.such\.handler.*no_such_handler\(\)/);
    });
    it("dispatches strictly one message at a time, in arrival order", async () => {
        const log = [];
        class Slow extends core_1.WebsocketConsumer {
            async receive(text) {
                log.push(`start ${text ?? ""}`);
                await new Promise((resolve) => setImmediate(resolve));
                await new Promise((resolve) => setImmediate(resolve));
                log.push(`end ${text ?? ""}`);
                await this.send(text ?? "");
            }
        }
        const c = new core_1.WebsocketCommunicator(Slow.asApp(), "/");
        await c.connect();
        for (const t of ["1", "2", "3"])
            await c.sendTo(t);
        for (const t of ["1", "2", "3"])
            expect(await c.receiveFrom()).toBe(t);
        expect(log).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
        await c.disconnect();
    });
    it("without a configured layer, groupAdd is a clear error and no channel is made", async () => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _noLayer = __addDisposableResource(env_1, (0, test_fixtures_1.installChannelLayer)(undefined), true);
            class Grouped extends core_1.WebsocketConsumer {
                groups = ["g"];
            }
            const c = new core_1.WebsocketCommunicator(Grouped.asApp(), "/");
            await expect(c.connect()).rejects.toThrow(core_1.ChannelLayerMissing);
            class Plain extends core_1.WebsocketConsumer {
                async connect() {
                    await this.accept();
                    await this.send(String(this.channelName));
                }
            }
            const p = new core_1.WebsocketCommunicator(Plain.asApp(), "/");
            await p.connect();
            expect(await p.receiveFrom()).toBe("undefined");
            await p.disconnect();
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
    it("asApp(init) sets instance fields, like as_asgi(**kwargs)", async () => {
        class Greeter extends core_1.WebsocketConsumer {
            greeting = "hello";
            async connect() {
                await this.accept();
                await this.send(this.greeting);
            }
        }
        const c = new core_1.WebsocketCommunicator(Greeter.asApp({ greeting: "salut" }), "/");
        await c.connect();
        expect(await c.receiveFrom()).toBe("salut");
        await c.disconnect();
    });
});
//# sourceMappingURL=websocket-consumer.test.js.map