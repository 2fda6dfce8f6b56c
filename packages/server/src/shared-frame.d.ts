import type { WebSocket } from "ws";
/** Bounds of a FrameCache; a frame that is not cached is still correct, only framed again. */
export interface FrameCacheLimits {
    /** Payloads longer than this (UTF-16 units of a string, bytes of a Uint8Array) go through `ws.send`. */
    readonly maxPayloadLength: number;
    readonly maxEntries: number;
    /** Bytes of all cached frames together. */
    readonly maxBytes: number;
}
export declare const DEFAULT_FRAME_CACHE_LIMITS: FrameCacheLimits;
/**
 * One complete unmasked server frame (RFC 6455 5.2: FIN, opcode 1 for a string and 2 for bytes,
 * 7-, 16- or 64-bit length, payload) in one Buffer, byte for byte what `ws.send` writes.
 */
export declare function encodeFrame(data: string | Uint8Array): Buffer;
/**
 * Frames a message once for every socket it goes to in this turn of the event loop: a group send
 * hands the same string to each member, and each member's send then writes the same Buffer.
 * One per server. Entries live until the check phase of the loop (setImmediate), so that
 * consumers resumed across several microtask and nextTick rounds still find them; the cache is
 * bounded by entries and bytes, oldest out first.
 */
export declare class FrameCache {
    private readonly limits;
    private readonly frames;
    private bytes;
    private clearScheduled;
    private readonly clear;
    constructor(limits?: FrameCacheLimits);
    /** Number of frames held (for tests). */
    get size(): number;
    /** The complete frame for `data`, framed now or found from an earlier send in this turn. */
    frameFor(data: string | Uint8Array): Buffer;
    /**
     * Sends `data` on `ws` as `ws.send(data)` would: the shared frame (or, past the cache's payload
     * limit, a frame of its own) written whole where that cannot be told apart from `ws.send`, and
     * `ws.send` otherwise. Bytes are never written by reference: the tick's cork, ws's queue or its
     * compressor may hold them after this call, and an application may reuse its buffer once
     * `send()` has resolved.
     */
    send(ws: WebSocket, data: string | Uint8Array): void;
    private remember;
}
