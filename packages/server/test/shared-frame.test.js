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
const shared_frame_1 = require("../src/shared-frame");
const ws_pair_1 = require("./fixtures/ws-pair");
const nextCheckPhase = () => new Promise((resolve) => setImmediate(resolve));
const rawSocket = (ws) => ws._socket;
test("the same string is framed once per turn of the event loop, and forgotten after it", async () => {
    const cache = new shared_frame_1.FrameCache();
    const text = "hello, room";
    const frame = cache.frameFor(text);
    expect(cache.frameFor(text)).toBe(frame);
    expect(cache.frameFor(`hello, ${"room"}`)).toBe(frame); // equal value, another string object
    expect(cache.size).toBe(1);
    await nextCheckPhase();
    expect(cache.size).toBe(0);
    expect(cache.frameFor(text)).not.toBe(frame);
    expect(cache.frameFor(text).equals(frame)).toBe(true);
});
test("bytes changed after they were framed are framed again", () => {
    const cache = new shared_frame_1.FrameCache();
    const bytes = Uint8Array.from([1, 2, 3]);
    const first = cache.frameFor(bytes);
    expect(cache.frameFor(bytes)).toBe(first);
    bytes[1] = 9;
    const second = cache.frameFor(bytes);
    expect(second).not.toBe(first);
    expect([...second]).toEqual([0x82, 3, 1, 9, 3]);
    expect([...first]).toEqual([0x82, 3, 1, 2, 3]); // a frame already handed out never changes
});
test("the cache is bounded by entries and by bytes, oldest out first, and skips large payloads", () => {
    const cache = new shared_frame_1.FrameCache({ maxPayloadLength: 1000, maxEntries: 3, maxBytes: 2000 });
    const frames = ["a", "b", "c", "d"].map((text) => cache.frameFor(text));
    expect(cache.size).toBe(3);
    expect(cache.frameFor("a")).not.toBe(frames[0]);
    expect(cache.frameFor("d")).toBe(frames[3]);
    // Three frames of 904 bytes: the third one pushes the first out of the 2000 bytes.
    const bigs = ["x", "y", "z"].map((c) => c.repeat(900));
    const bigFrames = bigs.map((text) => cache.frameFor(text));
    expect(cache.size).toBe(2);
    expect(cache.frameFor(bigs[2])).toBe(bigFrames[2]);
    expect(cache.frameFor(bigs[1])).toBe(bigFrames[1]);
    expect(cache.frameFor(bigs[0])).not.toBe(bigFrames[0]);
    const huge = "z".repeat(1001);
    expect(cache.frameFor(huge)).not.toBe(cache.frameFor(huge));
});
test("frames sent to many sockets arrive intact and in order among ws.send frames and pings", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_1, await (0, ws_pair_1.startWsServer)(), true);
        const pairs = [await server.openPair(), await server.openPair(), await server.openPair()];
        const recorders = pairs.map(({ client }) => (0, ws_pair_1.record)(client));
        const cache = new shared_frame_1.FrameCache();
        const expected = [];
        for (let i = 0; i < 200; i++) {
            const text = `message ${i} ${"é".repeat(i)}`;
            const bytes = Uint8Array.from([i & 0xff, 0, 255]);
            for (const { peer } of pairs) {
                cache.send(peer, text);
                if (i % 7 === 0)
                    peer.send(`direct ${i}`);
                if (i % 11 === 0)
                    peer.ping();
                if (i % 5 === 0)
                    cache.send(peer, bytes);
            }
            expected.push(text);
            if (i % 7 === 0)
                expected.push(`direct ${i}`);
            if (i % 11 === 0)
                expected.push("ping");
            if (i % 5 === 0)
                expected.push(`bytes:${Buffer.from(bytes).toString("hex")}`);
            if (i % 50 === 0)
                await nextCheckPhase(); // let some writes go out and the cache clear between bursts
        }
        for (const recorder of recorders)
            expect(await recorder.until(expected.length)).toEqual(expected);
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
test("frames written to a corked socket leave in order when it is uncorked", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, ws_pair_1.startWsServer)(), true);
        const { client, peer } = await server.openPair();
        const received = (0, ws_pair_1.record)(client);
        const cache = new shared_frame_1.FrameCache();
        rawSocket(peer).cork();
        cache.send(peer, "one");
        peer.send("two");
        cache.send(peer, "three");
        expect(peer.bufferedAmount).toBeGreaterThanOrEqual((0, shared_frame_1.encodeFrame)("one").length + (0, shared_frame_1.encodeFrame)("three").length);
        process.nextTick(() => rawSocket(peer).uncork());
        expect(await received.until(3)).toEqual(["one", "two", "three"]);
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
test("a client that negotiated permessage-deflate receives every message through ws.send", async () => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_3, await (0, ws_pair_1.startWsServer)({ threshold: 0 }), true);
        const plain = await server.openPair({ perMessageDeflate: false });
        const deflating = await server.openPair();
        expect(deflating.peer.extensions).toBe("permessage-deflate");
        const cache = new shared_frame_1.FrameCache();
        const expected = Array.from({ length: 50 }, (_, i) => `compressible ${"abc".repeat(i)}`);
        const recorders = [(0, ws_pair_1.record)(plain.client), (0, ws_pair_1.record)(deflating.client)];
        for (const text of expected) {
            cache.send(deflating.peer, text); // while it deflates, this send must wait in ws's queue
            cache.send(plain.peer, text);
        }
        for (const recorder of recorders)
            expect(await recorder.until(expected.length)).toEqual(expected);
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
test("payloads over the cacheable length go through ws.send and still arrive", async () => {
    const env_4 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_4, await (0, ws_pair_1.startWsServer)(), true);
        const { client, peer } = await server.openPair();
        const received = (0, ws_pair_1.record)(client);
        const cache = new shared_frame_1.FrameCache({ maxPayloadLength: 10, maxEntries: 8, maxBytes: 1000 });
        cache.send(peer, "short");
        cache.send(peer, "a longer message than ten");
        expect(cache.size).toBe(1);
        expect(await received.until(2)).toEqual(["short", "a longer message than ten"]);
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
});
//# sourceMappingURL=shared-frame.test.js.map