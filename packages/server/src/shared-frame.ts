import type { WebSocket } from "ws";
import { directSocket } from "./ws-internals";

/** Bounds of a FrameCache; a frame that is not cached is still correct, only framed again. */
export interface FrameCacheLimits {
  /** Payloads longer than this (UTF-16 units of a string, bytes of a Uint8Array) go through `ws.send`. */
  readonly maxPayloadLength: number;
  readonly maxEntries: number;
  /** Bytes of all cached frames together. */
  readonly maxBytes: number;
}

export const DEFAULT_FRAME_CACHE_LIMITS: FrameCacheLimits = Object.freeze({
  maxPayloadLength: 64 * 1024,
  maxEntries: 64,
  maxBytes: 1024 * 1024,
});

function headerLength(payloadLength: number): number {
  if (payloadLength < 126) return 2;
  return payloadLength < 65536 ? 4 : 10;
}

/**
 * One complete unmasked server frame (RFC 6455 5.2: FIN, opcode 1 for a string and 2 for bytes,
 * 7-, 16- or 64-bit length, payload) in one Buffer, byte for byte what `ws.send` writes.
 */
export function encodeFrame(data: string | Uint8Array): Buffer {
  const text = typeof data === "string";
  const length = text ? Buffer.byteLength(data) : data.byteLength;
  const offset = headerLength(length);
  const frame = Buffer.allocUnsafe(offset + length);
  frame[0] = text ? 0x81 : 0x82;
  if (offset === 2) {
    frame[1] = length;
  } else if (offset === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame[2] = frame[3] = 0;
    frame.writeUIntBE(length, 4, 6);
  }
  if (text) frame.write(data, offset, "utf8");
  else frame.set(data, offset);
  return frame;
}

/** Whether `frame` still carries `bytes`: a Uint8Array, unlike a string, can change after it was framed. */
function carries(frame: Buffer, bytes: Uint8Array): boolean {
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
export class FrameCache {
  private readonly frames = new Map<string | Uint8Array, Buffer>();
  private bytes = 0;
  private clearScheduled = false;
  private readonly clear = (): void => {
    this.clearScheduled = false;
    this.frames.clear();
    this.bytes = 0;
  };

  constructor(private readonly limits: FrameCacheLimits = DEFAULT_FRAME_CACHE_LIMITS) {}

  /** Number of frames held (for tests). */
  get size(): number {
    return this.frames.size;
  }

  /** The complete frame for `data`, framed now or found from an earlier send in this turn. */
  frameFor(data: string | Uint8Array): Buffer {
    const cached = this.frames.get(data);
    if (cached !== undefined && (typeof data === "string" || carries(cached, data))) return cached;
    const frame = encodeFrame(data);
    if (data.length <= this.limits.maxPayloadLength) this.remember(data, frame);
    return frame;
  }

  /**
   * Sends `data` on `ws` as `ws.send(data)` would: the shared frame (or, past the cache's payload
   * limit, a frame of its own) written whole where that cannot be told apart from `ws.send`, and
   * `ws.send` otherwise. Bytes are never written by reference: the tick's cork, ws's queue or its
   * compressor may hold them after this call, and an application may reuse its buffer once
   * `send()` has resolved.
   */
  send(ws: WebSocket, data: string | Uint8Array): void {
    // One eligibility check per frame (this is every frame's path), then the write itself.
    const socket = directSocket(ws);
    if (socket !== undefined) {
      socket.write(data.length <= this.limits.maxPayloadLength ? this.frameFor(data) : encodeFrame(data));
      return;
    }
    ws.send(typeof data === "string" ? data : Buffer.from(data));
  }

  private remember(key: string | Uint8Array, frame: Buffer): void {
    const previous = this.frames.get(key);
    if (previous !== undefined) this.bytes -= previous.length;
    this.frames.delete(key);
    this.frames.set(key, frame);
    this.bytes += frame.length;
    // Checked before the loop: an iterator per frame is what this cache would cost most of the time.
    if (this.frames.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) this.evict();
    if (!this.clearScheduled) {
      this.clearScheduled = true;
      setImmediate(this.clear);
    }
  }

  /** Drops the oldest frames until the cache is within its limits again. */
  private evict(): void {
    for (const [oldKey, oldFrame] of this.frames) {
      if (this.frames.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.frames.delete(oldKey);
      this.bytes -= oldFrame.length;
    }
  }
}
