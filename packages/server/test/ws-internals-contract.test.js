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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The private parts of `ws` that direct frame writes rely on (src/ws-internals.ts). When this
 * file fails after a `ws` upgrade, read the new lib/websocket.js and lib/sender.js, adapt
 * ws-internals.ts, and pin the new version.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const ws_1 = __importDefault(require("ws"));
const shared_frame_1 = require("../src/shared-frame");
const ws_internals_1 = require("../src/ws-internals");
const ws_pair_1 = require("./fixtures/ws-pair");
const wsVersion = JSON.parse((0, node_fs_1.readFileSync)(require.resolve("ws/package.json"), "utf8")).version;
const pinned = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, "..", "package.json"), "utf8")).dependencies.ws;
const internals = (ws) => ws;
test("the installed ws is exactly the version pinned in package.json", () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(wsVersion).toBe(pinned);
});
test("the fields read exist with the types relied on, on a live server-side socket", async () => {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        expect((0, ws_internals_1.directWritesUsable)()).toBe(true);
        const server = __addDisposableResource(env_1, await (0, ws_pair_1.startWsServer)(), true);
        const { peer } = await server.openPair();
        const w = internals(peer);
        expect(w._readyState).toBe(ws_1.default.OPEN);
        expect(w._isServer).toBe(true);
        expect(w._extensions).toEqual({});
        expect(peer.extensions).toBe("");
        expect(w._socket).toBe(w._sender._socket);
        expect(w._sender._state).toBe(0);
        expect(w._sender._queue).toEqual([]);
        expect(w._sender._bufferedBytes).toBe(0);
        expect(w._sender._firstFragment).toBe(true);
        expect((0, ws_internals_1.directSocket)(peer)).toBe(w._socket);
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
test("bufferedAmount counts a frame written directly while it waits in the socket", async () => {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_2, await (0, ws_pair_1.startWsServer)(), true);
        const { peer } = await server.openPair();
        const socket = internals(peer)._socket;
        const frame = (0, shared_frame_1.encodeFrame)("x".repeat(300));
        socket.cork();
        expect(peer.bufferedAmount).toBe(0);
        expect((0, ws_internals_1.writeFrame)(peer, frame)).toBe(true);
        expect(peer.bufferedAmount).toBe(frame.length);
        socket.uncork();
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
const multiByte = "héllo € 𝄞 \ud800 ✓";
const payloads = [
    ...[0, 1, 125, 126, 65535, 65536].map((n) => [`text of ${n} bytes`, "a".repeat(n)]),
    ["multi-byte UTF-8 text (and a lone surrogate)", multiByte],
    ["multi-byte text longer than 65535 bytes", "€".repeat(21846)],
    ...[0, 125, 126, 65536].map((n) => [
        `bytes of length ${n}`,
        Uint8Array.from({ length: n }, (_, i) => i & 0xff),
    ]),
];
test.each(payloads)("the frame for %s is byte for byte what ws.send puts on the wire", async (_name, payload) => {
    const env_3 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_3, await (0, ws_pair_1.startWsServer)(), true);
        const { raw, peer } = await server.openRaw();
        const frame = (0, shared_frame_1.encodeFrame)(payload);
        peer.send(payload);
        const fromWs = await raw.read(frame.length);
        expect((0, ws_internals_1.writeFrame)(peer, frame)).toBe(true);
        const fromFrame = await raw.read(frame.length);
        expect(fromFrame.equals(fromWs)).toBe(true);
        raw.destroy();
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
test("a socket that negotiated permessage-deflate is refused", async () => {
    const env_4 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_4, await (0, ws_pair_1.startWsServer)({ threshold: 0 }), true);
        const { peer } = await server.openPair();
        expect(peer.extensions).toBe("permessage-deflate");
        expect((0, ws_internals_1.directSocket)(peer)).toBeUndefined();
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("x"))).toBe(false);
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
test("a socket whose Sender holds a send back is refused until it is written", async () => {
    const env_5 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_5, await (0, ws_pair_1.startWsServer)(), true);
        const { peer, client } = await server.openPair();
        const received = (0, ws_pair_1.record)(client);
        peer.send(new Blob(["blob"])); // read asynchronously: the Sender waits for it
        expect(internals(peer)._sender._state).not.toBe(0);
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("too early"))).toBe(false);
        peer.send("queued");
        expect(internals(peer)._sender._queue).toHaveLength(1);
        expect((0, ws_internals_1.directSocket)(peer)).toBeUndefined();
        await received.until(2);
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("after"))).toBe(true);
        expect(await received.until(3)).toEqual(["bytes:626c6f62", "queued", "after"]);
    }
    catch (e_5) {
        env_5.error = e_5;
        env_5.hasError = true;
    }
    finally {
        const result_5 = __disposeResources(env_5);
        if (result_5)
            await result_5;
    }
});
test("each sign of a held-back send refuses on its own", async () => {
    const env_6 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_6, await (0, ws_pair_1.startWsServer)(), true);
        const { peer } = await server.openPair();
        const sender = internals(peer)._sender;
        const frame = (0, shared_frame_1.encodeFrame)("x");
        const refusedWhile = (change, undo) => {
            change();
            const written = (0, ws_internals_1.writeFrame)(peer, frame);
            undo();
            return written;
        };
        expect(refusedWhile(() => (sender._state = 1), () => (sender._state = 0))).toBe(false);
        expect(refusedWhile(() => sender._queue.push([]), () => sender._queue.pop())).toBe(false);
        expect(refusedWhile(() => (sender._bufferedBytes = 1), () => (sender._bufferedBytes = 0))).toBe(false);
        expect((0, ws_internals_1.writeFrame)(peer, frame)).toBe(true);
    }
    catch (e_6) {
        env_6.error = e_6;
        env_6.hasError = true;
    }
    finally {
        const result_6 = __disposeResources(env_6);
        if (result_6)
            await result_6;
    }
});
test("a socket in the middle of a fragmented message is refused until its last fragment", async () => {
    const env_7 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_7, await (0, ws_pair_1.startWsServer)(), true);
        const { peer, client } = await server.openPair();
        const received = (0, ws_pair_1.record)(client);
        peer.send("frag", { fin: false });
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("inside"))).toBe(false);
        peer.send("ment", { fin: true });
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("next"))).toBe(true);
        expect(await received.until(2)).toEqual(["fragment", "next"]);
    }
    catch (e_7) {
        env_7.error = e_7;
        env_7.hasError = true;
    }
    finally {
        const result_7 = __disposeResources(env_7);
        if (result_7)
            await result_7;
    }
});
test("a closing socket and a client-side socket are refused", async () => {
    const env_8 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_8, await (0, ws_pair_1.startWsServer)(), true);
        const { peer, client } = await server.openPair();
        expect((0, ws_internals_1.directSocket)(client)).toBeUndefined();
        peer.close(1000);
        expect(peer.readyState).toBe(ws_1.default.CLOSING);
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("late"))).toBe(false);
    }
    catch (e_8) {
        env_8.error = e_8;
        env_8.hasError = true;
    }
    finally {
        const result_8 = __disposeResources(env_8);
        if (result_8)
            await result_8;
    }
});
test("a socket missing a field is refused without throwing", async () => {
    const env_9 = { stack: [], error: void 0, hasError: false };
    try {
        const server = __addDisposableResource(env_9, await (0, ws_pair_1.startWsServer)(), true);
        const { peer } = await server.openPair();
        delete internals(peer)._sender._queue;
        expect(() => (0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("x"))).not.toThrow();
        expect((0, ws_internals_1.writeFrame)(peer, (0, shared_frame_1.encodeFrame)("x"))).toBe(false);
    }
    catch (e_9) {
        env_9.error = e_9;
        env_9.hasError = true;
    }
    finally {
        const result_9 = __disposeResources(env_9);
        if (result_9)
            await result_9;
    }
});
test("a ws whose Sender lacks a field switches direct writes off for good, without throwing", () => {
    jest.isolateModules(() => {
        jest.doMock("ws", () => {
            const real = jest.requireActual("ws");
            class ChangedSender extends real.Sender {
                constructor(...args) {
                    super(...args);
                    delete this._queue;
                }
            }
            class ChangedWebSocket extends real {
                static Sender = ChangedSender;
            }
            return ChangedWebSocket;
        });
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy under the changed ws
        const isolated = require("../src/ws-internals");
        expect(isolated.directWritesUsable()).toBe(false);
        expect(isolated.directWritesUsable()).toBe(false);
    });
});
//# sourceMappingURL=ws-internals-contract.test.js.map