"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FrameCache = exports.DEFAULT_FRAME_CACHE_LIMITS = void 0;
exports.encodeFrame = encodeFrame;
const ws_internals_1 = require("./ws-internals");
exports.DEFAULT_FRAME_CACHE_LIMITS = Object.freeze({
    maxPayloadLength: 64 * 1024,
    maxEntries: 64,
    maxBytes: 1024 * 1024,
});
function headerLength(payloadLength) {
    if (payloadLength < 126)
        return 2;
    return payloadLength < 65536 ? 4 : 10;
}
/**
 * One complete unmasked server frame (RFC 6455 5.2: FIN, opcode 1 for a string and 2 for bytes,
 * 7-, 16- or 64-bit length, payload) in one Buffer, byte for byte what `ws.send` writes.
 */
function encodeFrame(data) {
    const text = typeof data === "string";
    const length = text ? Buffer.byteLength(data) : data.byteLength;
    const offset = headerLength(length);
    const frame = Buffer.allocUnsafe(offset + length);
    frame[0] = text ? 0x81 : 0x82;
    if (offset === 2) {
        frame[1] = length;
    }
    else if (offset === 4) {
        frame[1] = 126;
        frame.writeUInt16BE(length, 2);
    }
    else {
        frame[1] = 127;
        frame[2] = frame[3] = 0;
        frame.writeUIntBE(length, 4, 6);
    }
    if (text)
        frame.write(data, offset, "utf8");
    else
        frame.set(data, offset);
    return frame;
}
/** Whether `frame` still carries `bytes`: a Uint8Array, unlike a string, can change after it was framed. */
function carries(frame, bytes) {
    const offset = frame.length - bytes.byteLength;
    return offset === headerLength(bytes.byteLength) && frame.compare(bytes, 0, bytes.byteLength, offset) === 0;
}
/**
 * Frames a message once for every socket it goes to in this turn of the event loop: a group send
 * hands the same string to each member, and each member's send then writes the same Buffer.
 * One per server. Entries live until the check phase of the loop (setImmediate), so that
 * consumers resumed across several microtask and nextTick rounds still find them; the cache is
 * bounded by entries and bytes, oldest out first.
 */
class FrameCache {
    limits;
    frames = new Map();
    bytes = 0;
    clearScheduled = false;
    clear = () => {
        this.clearScheduled = false;
        this.frames.clear();
        this.bytes = 0;
    };
    constructor(limits = exports.DEFAULT_FRAME_CACHE_LIMITS) {
        this.limits = limits;
    }
    /** Number of frames held (for tests). */
    get size() {
        return this.frames.size;
    }
    /** The complete frame for `data`, framed now or found from an earlier send in this turn. */
    frameFor(data) {
        const cached = this.frames.get(data);
        if (cached !== undefined && (typeof data === "string" || carries(cached, data)))
            return cached;
        const frame = encodeFrame(data);
        if (data.length <= this.limits.maxPayloadLength)
            this.remember(data, frame);
        return frame;
    }
    /**
     * Sends `data` on `ws` as `ws.send(data)` would: the shared frame (or, past the cache's payload
     * limit, a frame of its own) written whole where that cannot be told apart from `ws.send`, and
     * `ws.send` otherwise. Bytes are never written by reference: the tick's cork, ws's queue or its
     * compressor may hold them after this call, and an application may reuse its buffer once
     * `send()` has resolved.
     */
    send(ws, data) {
        // One eligibility check per frame (this is every frame's path), then the write itself.
        const socket = (0, ws_internals_1.directSocket)(ws);
        if (socket !== undefined) {
            socket.write(data.length <= this.limits.maxPayloadLength ? this.frameFor(data) : encodeFrame(data));
            return;
        }
        ws.send(typeof data === "string" ? data : Buffer.from(data));
    }
    remember(key, frame) {
        const previous = this.frames.get(key);
        if (previous !== undefined)
            this.bytes -= previous.length;
        this.frames.delete(key);
        this.frames.set(key, frame);
        this.bytes += frame.length;
        for (const [oldKey, oldFrame] of this.frames) {
            if (this.frames.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes)
                break;
            this.frames.delete(oldKey);
            this.bytes -= oldFrame.length;
        }
        if (!this.clearScheduled) {
            this.clearScheduled = true;
            setImmediate(this.clear);
        }
    }
}
exports.FrameCache = FrameCache;
//# sourceMappingURL=shared-frame.js.map