import type { Application, Receive, Scope, Send } from "@channels-ts/core";
import { ChannelsError, ErrorCode, RouteNotFound } from "@channels-ts/core";
import { isSendableCloseCode } from "./close-codes";

/** Runs an application so that a synchronous throw becomes a rejection like any other. */
export function runApplication(app: Application, scope: Scope, receive: Receive, send: Send): Promise<void> {
  try {
    return Promise.resolve(app(scope, receive, send));
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Runs the application and calls `onEnd` once it settles (with what it threw, or undefined).
 * Anything `onEnd` itself throws (a server bug, a logger that throws) goes to `onFault`: in a
 * promise callback it would otherwise be an unhandled rejection, which ends the process and
 * every other connection with it.
 */
export function superviseApplication(
  app: Application,
  scope: Scope,
  receive: Receive,
  send: Send,
  onEnd: (err: unknown) => void,
  onFault: (fault: unknown) => void,
): void {
  runApplication(app, scope, receive, send)
    .then(() => onEnd(undefined), onEnd)
    .catch((fault: unknown) => {
      try {
        onFault(fault);
      } catch {
        // Nothing is left to report to; staying alive matters more.
      }
    });
}

function codeOf(err: unknown): unknown {
  return typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
}

/** By code as well as class, so that a second copy of core (another version) is still recognised. */
export function isRouteNotFound(err: unknown): boolean {
  return err instanceof RouteNotFound || codeOf(err) === ErrorCode.ROUTE_NOT_FOUND;
}

/** `StopConsumer` escaping to the server is a clean end, not an error. */
export function isStopConsumer(err: unknown): boolean {
  return codeOf(err) === ErrorCode.STOP_CONSUMER;
}

/**
 * Close code for a WebSocket ended by `err`: the ChannelsError's own if a server may send it,
 * else 1011 (internal error). An error class can carry any number, and `ws` throws on a
 * reserved code such as 1006, so the code is checked here, once, for every caller.
 */
export function closeCodeFor(err: unknown): number {
  return err instanceof ChannelsError && isSendableCloseCode(err.closeCode) ? err.closeCode : 1011;
}

/** Body bytes of an `http.response.body` / `websocket.send` value; strings are UTF-8 encoded. */
export function toBytes(value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return Buffer.from(value);
  throw new TypeError(`${what} must be a Uint8Array (or string), got ${typeof value}.`);
}

export const EMPTY = new Uint8Array(0);

/** `{ type }` of what an application sent, for error texts; safe on anything a JavaScript application can send. */
export function typeOf(event: unknown): string {
  if (event === null || typeof event !== "object") return String(event);
  return JSON.stringify("type" in event ? event.type : undefined);
}
