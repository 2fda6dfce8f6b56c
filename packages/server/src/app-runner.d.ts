import type { Application, Receive, Scope, Send } from "@channels-ts/core";
/** Runs an application so that a synchronous throw becomes a rejection like any other. */
export declare function runApplication(app: Application, scope: Scope, receive: Receive, send: Send): Promise<void>;
/**
 * Runs the application and calls `onEnd` once it settles (with what it threw, or undefined).
 * Anything `onEnd` itself throws (a server bug, a logger that throws) goes to `onFault`: in a
 * promise callback it would otherwise be an unhandled rejection, which ends the process and
 * every other connection with it.
 */
export declare function superviseApplication(app: Application, scope: Scope, receive: Receive, send: Send, onEnd: (err: unknown) => void, onFault: (fault: unknown) => void): void;
/** By code as well as class, so that a second copy of core (another version) is still recognised. */
export declare function isRouteNotFound(err: unknown): boolean;
/** `StopConsumer` escaping to the server is a clean end, not an error. */
export declare function isStopConsumer(err: unknown): boolean;
/**
 * Close code for a WebSocket ended by `err`: the ChannelsError's own if a server may send it,
 * else 1011 (internal error). An error class can carry any number, and `ws` throws on a
 * reserved code such as 1006, so the code is checked here, once, for every caller.
 */
export declare function closeCodeFor(err: unknown): number;
/** Body bytes of an `http.response.body` / `websocket.send` value; strings are UTF-8 encoded. */
export declare function toBytes(value: unknown, what: string): Uint8Array;
export declare const EMPTY: Uint8Array<ArrayBuffer>;
/** `{ type }` of what an application sent, for error texts; safe on anything a JavaScript application can send. */
export declare function typeOf(event: unknown): string;
