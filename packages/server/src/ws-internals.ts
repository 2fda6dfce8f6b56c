import type { Duplex } from "node:stream";
import WebSocket from "ws";

/*
 * Writing a complete frame straight to the socket under a `ws` WebSocket, where doing so cannot
 * be told apart from `ws.send`. It reads private fields of ws 8.23 (lib/websocket.js,
 * lib/sender.js); `ws` is pinned to that exact version in package.json, and
 * test/ws-internals-contract.test.ts fails when one of them changes. Every field is checked
 * before it is trusted: if one is missing or of another type, direct writes are switched off for
 * the life of the process and every caller falls back to `ws.send`.
 */

/** ws `Sender` fields: `_state` is DEFAULT (0), DEFLATING (1) or GET_BLOB_DATA (2). */
interface SenderInternals {
  _socket: Duplex | null;
  _state: number;
  _queue: unknown[];
  _bufferedBytes: number;
  _firstFragment: boolean;
}

interface WebSocketInternals {
  _readyState: number;
  _isServer: boolean;
  _extensions: Record<string, unknown>;
  _sender: SenderInternals | null;
  _socket: Duplex | null;
}

const SENDER_DEFAULT_STATE = 0;

/** undefined until the first check; then whether the fields have the shapes relied on. */
let usable: boolean | undefined;

function isSenderShaped(sender: unknown): sender is SenderInternals {
  if (typeof sender !== "object" || sender === null) return false;
  const s = sender as Record<string, unknown>;
  return (
    "_socket" in s &&
    typeof s._state === "number" &&
    Array.isArray(s._queue) &&
    typeof s._bufferedBytes === "number" &&
    typeof s._firstFragment === "boolean"
  );
}

function isWebSocketShaped(ws: unknown): ws is WebSocketInternals {
  if (typeof ws !== "object" || ws === null) return false;
  const w = ws as Record<string, unknown>;
  return (
    typeof w._readyState === "number" &&
    typeof w._isServer === "boolean" &&
    typeof w._extensions === "object" &&
    w._extensions !== null &&
    "_sender" in w &&
    "_socket" in w
  );
}

/** Builds a WebSocket and a Sender without a network, as `ws` itself does on the server side. */
function probe(): boolean {
  const Sender = (WebSocket as unknown as { Sender?: unknown }).Sender;
  if (typeof Sender !== "function") return false;
  const sender: unknown = new (Sender as new (socket: null, extensions: object) => unknown)(null, {});
  const ws: unknown = new (
    WebSocket as unknown as new (address: null, protocols: undefined, options: object) => unknown
  )(null, undefined, {});
  if (!isSenderShaped(sender) || !isWebSocketShaped(ws)) return false;
  return (
    sender._state === SENDER_DEFAULT_STATE &&
    sender._queue.length === 0 &&
    sender._bufferedBytes === 0 &&
    sender._firstFragment &&
    ws._isServer &&
    ws._readyState === WebSocket.CONNECTING &&
    WebSocket.OPEN === 1
  );
}

/** Whether this process may write frames directly; decided once, never throws. */
export function directWritesUsable(): boolean {
  if (usable === undefined) {
    try {
      usable = probe();
    } catch {
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
export function directSocket(ws: WebSocket): Duplex | undefined {
  if (!directWritesUsable() || !(ws instanceof WebSocket)) return undefined;
  try {
    const w = ws as unknown as WebSocketInternals;
    if (w._readyState !== WebSocket.OPEN || w._isServer !== true) return undefined;
    if (Object.keys(w._extensions).length !== 0) return undefined;
    const sender = w._sender;
    const socket = w._socket;
    if (socket === null || !isSenderShaped(sender) || sender._socket !== socket) return undefined;
    if (
      sender._state !== SENDER_DEFAULT_STATE ||
      sender._queue.length !== 0 ||
      sender._bufferedBytes !== 0 ||
      !sender._firstFragment
    ) {
      return undefined;
    }
    return socket;
  } catch {
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
export function writeFrame(ws: WebSocket, frame: Buffer): boolean {
  const socket = directSocket(ws);
  if (socket === undefined) return false;
  socket.write(frame);
  return true;
}
