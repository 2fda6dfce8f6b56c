import type { BackoffOptions } from "./backoff.js";
import { InvalidClientOption } from "./errors.js";
import type { Timers } from "./timers.js";
import { realTimers } from "./timers.js";
import type { WebSocketConstructor } from "./websocket-like.js";

/** How a close is described to `shouldReconnect` and the `close` event. */
export interface CloseInfo {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** Options of `new ChannelsClient(url, options)`; every one has a default. */
export interface ClientOptions extends Partial<BackoffOptions> {
  /** The WebSocket class. Default `globalThis.WebSocket`; in Node 20 pass `WebSocket` from `ws`. */
  WebSocket?: WebSocketConstructor;
  /** Subprotocols offered in the handshake. */
  protocols?: string | string[];
  /**
   * Reconnect attempts before giving up (Infinity: never), counted since a connection last stayed
   * open `resetAfterMs`. Default Infinity.
   */
  maxAttempts?: number;
  /**
   * How long a connection must stay open before the reconnect attempt count (and so the backoff
   * delay) starts again from the first; 0 starts it again on every open. Default 5000.
   */
  resetAfterMs?: number;
  /** Messages kept while offline, sent in order on reconnect; the next one is dropped. Default 100. */
  maxQueued?: number;
  /** Deadline of `request()` when the call gives none. Default 5000. */
  requestTimeoutMs?: number;
  /**
   * Whether a close the client did not ask for is followed by reconnecting. Default: yes, except
   * for 1000 (the server ended it on purpose) and 1008 (policy: e.g. refused or logged out).
   */
  shouldReconnect?: (close: CloseInfo) => boolean;
  /** Open the socket in the constructor. Default true; with false, call `connect()`. */
  autoConnect?: boolean;
  /** Timers for backoff and deadlines (tests inject fakes). Default the global ones. */
  timers?: Timers;
  /** Random numbers in [0, 1) for the jitter (tests inject a fixed one). Default Math.random. */
  random?: () => number;
}

/** The options with every default filled in. */
export type ResolvedClientOptions = Required<Omit<ClientOptions, "WebSocket" | "protocols">> &
  Pick<ClientOptions, "WebSocket" | "protocols">;

const defaults = {
  initialDelayMs: 500,
  factor: 2,
  maxDelayMs: 30_000,
  jitter: 0.5,
  maxAttempts: Infinity,
  resetAfterMs: 5000,
  maxQueued: 100,
  requestTimeoutMs: 5000,
  shouldReconnect: (close: CloseInfo) => close.code !== 1000 && close.code !== 1008,
  autoConnect: true,
  timers: realTimers,
  random: Math.random,
} satisfies ResolvedClientOptions;

/** Defaults merged under the given options, each checked; a bad one throws `InvalidClientOption`. */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: ResolvedClientOptions = { ...defaults, ...given };
  nonNegative("initialDelayMs", resolved.initialDelayMs);
  nonNegative("maxDelayMs", resolved.maxDelayMs);
  nonNegative("resetAfterMs", resolved.resetAfterMs);
  if (!(resolved.factor >= 1) || !Number.isFinite(resolved.factor))
    throw new InvalidClientOption("factor", resolved.factor, "a finite number >= 1");
  if (!(resolved.jitter >= 0 && resolved.jitter <= 1))
    throw new InvalidClientOption("jitter", resolved.jitter, "a number from 0 to 1");
  if (resolved.maxDelayMs < resolved.initialDelayMs)
    throw new InvalidClientOption(
      "maxDelayMs",
      resolved.maxDelayMs,
      `at least initialDelayMs (${resolved.initialDelayMs})`,
    );
  if (!(resolved.maxAttempts === Infinity || (Number.isInteger(resolved.maxAttempts) && resolved.maxAttempts >= 0)))
    throw new InvalidClientOption("maxAttempts", resolved.maxAttempts, "an integer >= 0 or Infinity");
  if (!Number.isInteger(resolved.maxQueued) || resolved.maxQueued < 0)
    throw new InvalidClientOption("maxQueued", resolved.maxQueued, "an integer >= 0");
  if (!(resolved.requestTimeoutMs > 0) || !Number.isFinite(resolved.requestTimeoutMs))
    throw new InvalidClientOption("requestTimeoutMs", resolved.requestTimeoutMs, "a finite number > 0");
  if (resolved.WebSocket !== undefined && typeof resolved.WebSocket !== "function")
    throw new InvalidClientOption("WebSocket", resolved.WebSocket, "a WebSocket class");
  return resolved;
}

function nonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new InvalidClientOption(name, value, "a finite number >= 0");
}
