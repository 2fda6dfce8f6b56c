/**
 * The part of a WebSocket the client uses: the browser's, Node 22's global one and `ws`'s all fit.
 * The event parameters are `never` so that any of those classes (whose handlers take their own
 * event types) is assignable; the client reads only `code`, `reason`, `wasClean` and `data`.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A WebSocket class: `globalThis.WebSocket`, or `WebSocket` from the `ws` package. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** `readyState` of an open socket (WebSocket.OPEN). */
export const OPEN = 1;

/** What the client reads from a close event. */
export interface CloseEventLike {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** What the client reads from a message event. */
export interface MessageEventLike {
  data: unknown;
}
