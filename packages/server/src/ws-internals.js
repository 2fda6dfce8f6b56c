"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.directWritesUsable = directWritesUsable;
exports.directSocket = directSocket;
exports.writeFrame = writeFrame;
const ws_1 = __importDefault(require("ws"));
const SENDER_DEFAULT_STATE = 0;
/** undefined until the first check; then whether the fields have the shapes relied on. */
let usable;
function isSenderShaped(sender) {
    if (typeof sender !== "object" || sender === null)
        return false;
    const s = sender;
    return ("_socket" in s &&
        typeof s._state === "number" &&
        Array.isArray(s._queue) &&
        typeof s._bufferedBytes === "number" &&
        typeof s._firstFragment === "boolean");
}
function isWebSocketShaped(ws) {
    if (typeof ws !== "object" || ws === null)
        return false;
    const w = ws;
    return (typeof w._readyState === "number" &&
        typeof w._isServer === "boolean" &&
        typeof w._extensions === "object" &&
        w._extensions !== null &&
        "_sender" in w &&
        "_socket" in w);
}
/** Builds a WebSocket and a Sender without a network, as `ws` itself does on the server side. */
function probe() {
    const Sender = ws_1.default.Sender;
    if (typeof Sender !== "function")
        return false;
    const sender = new Sender(null, {});
    const ws = new ws_1.default(null, undefined, {});
    if (!isSenderShaped(sender) || !isWebSocketShaped(ws))
        return false;
    return (sender._state === SENDER_DEFAULT_STATE &&
        sender._queue.length === 0 &&
        sender._bufferedBytes === 0 &&
        sender._firstFragment &&
        ws._isServer &&
        ws._readyState === ws_1.default.CONNECTING &&
        ws_1.default.OPEN === 1);
}
/** Whether this process may write frames directly; decided once, never throws. */
function directWritesUsable() {
    if (usable === undefined) {
        try {
            usable = probe();
        }
        catch {
            usable = false;
        }
    }
    return usable;
}
/**
 * The socket to write a complete frame to instead of `ws.send`, or undefined where `ws.send` must
 * be used: the WebSocket is not an open server-side one, negotiated an extension (compression
 * state is per socket), or its Sender holds anything back (a queued send, a deflate or a blob in
 * progress, a fragmented message not finished), since a frame written past those would overtake
 * them.
 */
function directSocket(ws) {
    if (!directWritesUsable() || !(ws instanceof ws_1.default))
        return undefined;
    try {
        const w = ws;
        if (w._readyState !== ws_1.default.OPEN || w._isServer !== true)
            return undefined;
        if (Object.keys(w._extensions).length !== 0)
            return undefined;
        const sender = w._sender;
        const socket = w._socket;
        if (socket === null || !isSenderShaped(sender) || sender._socket !== socket)
            return undefined;
        if (sender._state !== SENDER_DEFAULT_STATE ||
            sender._queue.length !== 0 ||
            sender._bufferedBytes !== 0 ||
            !sender._firstFragment) {
            return undefined;
        }
        return socket;
    }
    catch {
        usable = false;
        return undefined;
    }
}
/**
 * Writes `frame`, a complete unmasked server frame, to `ws`'s socket if that is indistinguishable
 * from `ws.send`; returns false (having written nothing) where the caller must use `ws.send`.
 * The frame is written as it is and never touched again, so one Buffer may go to many sockets.
 * `ws.bufferedAmount` counts it: it reads the socket's writable length. FrameCache.send does the
 * same two steps inline, so that it checks once and frames only for an eligible socket.
 */
function writeFrame(ws, frame) {
    const socket = directSocket(ws);
    if (socket === undefined)
        return false;
    socket.write(frame);
    return true;
}
//# sourceMappingURL=ws-internals.js.map