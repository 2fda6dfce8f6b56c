import type { Duplex } from "node:stream";
import WebSocket from "ws";
/** Whether this process may write frames directly; decided once, never throws. */
export declare function directWritesUsable(): boolean;
/**
 * The socket to write a complete frame to instead of `ws.send`, or undefined where `ws.send` must
 * be used: the WebSocket is not an open server-side one, negotiated an extension (compression
 * state is per socket), or its Sender holds anything back (a queued send, a deflate or a blob in
 * progress, a fragmented message not finished), since a frame written past those would overtake
 * them.
 */
export declare function directSocket(ws: WebSocket): Duplex | undefined;
/**
 * Writes `frame`, a complete unmasked server frame, to `ws`'s socket if that is indistinguishable
 * from `ws.send`; returns false (having written nothing) where the caller must use `ws.send`.
 * The frame is written as it is and never touched again, so one Buffer may go to many sockets.
 * `ws.bufferedAmount` counts it: it reads the socket's writable length. FrameCache.send does the
 * same two steps inline, so that it checks once and frames only for an eligible socket.
 */
export declare function writeFrame(ws: WebSocket, frame: Buffer): boolean;
