import { compileOriginPatterns } from "@channels-ts/core";
import { InvalidServerOption } from "./errors";
import { consoleLogger, type Logger } from "./logger";
import { LOOPBACK_PROXIES, proxyEntryProblem } from "./trusted-proxies";

/** Every server limit and setting; each has a default in `serverDefaults` (documented in the README). */
export interface ServerOptions {
  /** Interface `serve()` listens on. */
  host: string;
  /** Port `serve()` listens on; 0 picks a free one. */
  port: number;
  /** `root_path` of every scope: the prefix the application is mounted under behind a proxy. */
  rootPath: string;
  /** Largest WebSocket message accepted, in bytes; a bigger one closes that client with 1009. */
  maxPayload: number;
  /** How often each WebSocket is pinged; 0 turns heartbeats off. */
  pingIntervalMs: number;
  /** How long a ping may go unanswered before the peer is taken for dead and dropped (1006). */
  pongTimeoutMs: number;
  /** How long the application has to accept or close a WebSocket handshake before it is refused. */
  acceptTimeoutMs: number;
  /** How long to wait for the peer's close frame after sending ours before dropping the TCP connection. */
  closeTimeoutMs: number;
  /** How long an application may run after its disconnect event before the server stops waiting for it. */
  applicationCloseTimeoutMs: number;
  /** Bytes a WebSocket may have queued for a slow client before it is closed with 1013. */
  maxBufferedBytes: number;
  /**
   * Client messages a WebSocket may hold unread by its application; at this many the server
   * stops reading that socket (TCP flow control slows the client) until the application has
   * read half of them.
   */
  maxQueuedMessages: number;
  /** Upper bound on `close()`: connections still open after it are dropped. */
  shutdownTimeoutMs: number;
  /**
   * Take client address and scheme from X-Forwarded-For / -Proto / -Port, when the direct peer
   * is one of `trustedProxies` (from any other peer they are ignored).
   */
  trustProxyHeaders: boolean;
  /**
   * Peers whose X-Forwarded-* headers are believed (uvicorn's `forwarded_allow_ips`): addresses
   * and CIDR networks ("10.0.0.0/8", "::1"), or "*" for any peer. Default: loopback only.
   * The client is the right-most X-Forwarded-For entry that is not itself in this list.
   */
  trustedProxies: readonly string[];
  /**
   * WebSockets (handshaking or open) one client address may hold at once, counted after proxy
   * resolution; one more is refused with HTTP 503 before the application runs. Infinity: no limit.
   */
  maxConnectionsPerAddress: number;
  /**
   * WebSocket handshakes waiting for the application's accept or close at once; one more is
   * refused with HTTP 503 before the application runs. Infinity: no limit.
   */
  maxPendingHandshakes: number;
  /**
   * How long a client may take to send a request's headers (the WebSocket upgrade request
   * included): a slower one gets 408 and is dropped. `serve()` only: with `attach()` it is the
   * host server's `headersTimeout`.
   */
  handshakeTimeoutMs: number;
  /**
   * Largest request head (request line and headers) in bytes; a bigger one gets 431. `serve()`
   * only: with `attach()` it is the host server's `maxHeaderSize`.
   */
  maxHeaderSize: number;
  /**
   * Messages per second a WebSocket client may send, on average (a token bucket refilled at
   * this rate); a client that runs out is closed with 1008 "rate limited". 0 or Infinity: no limit.
   */
  maxMessagesPerSecond: number;
  /**
   * Messages a client may send in one burst above `maxMessagesPerSecond` (the bucket's size).
   * 0: no burst (as 1, one message per interval; the rate still applies). Infinity: unbounded, so no limit.
   */
  maxMessageBurst: number;
  /**
   * Refuse (403, before the application runs) a WebSocket handshake whose Origin header names
   * another host than the request's Host and none of `allowedOrigins`: cross-site WebSocket
   * hijacking. A handshake without Origin (not from a browser) passes. Turn off only when the
   * application checks Origin itself.
   */
  checkOrigin: boolean;
  /** Origins allowed besides the request's own host: "*", "example.com", ".example.com" (and subdomains), "https://example.com:8443". */
  allowedOrigins: readonly string[];
  /** "auto": run the lifespan protocol if the application supports it; "on": require it; "off": skip it. */
  lifespan: "auto" | "on" | "off";
  /** Log one line per HTTP request and WebSocket event, as Daphne does (at `info`, through `logger`). */
  accessLog: boolean;
  logger: Logger;
  /**
   * Path of the Prometheus metrics (text format, `channels_*`), answered by the server before the
   * application sees the request; null (the default) serves none.
   */
  metricsPath: string | null;
  /** Path answering 200 while the process serves (liveness), before the application; null: none. */
  healthzPath: string | null;
  /**
   * Path answering 200 when ready and 503 once shutdown began (it drops first) or while a channel
   * layer of `layerAliases` is down, before the application; null: none.
   */
  readyzPath: string | null;
  /** Aliases in `channelLayers` whose layers the metrics report and readiness follows. */
  layerAliases: readonly string[];
}

export const serverDefaults = {
  host: "127.0.0.1",
  port: 8000,
  rootPath: "",
  maxPayload: 1024 * 1024,
  pingIntervalMs: 20_000,
  pongTimeoutMs: 20_000,
  acceptTimeoutMs: 5_000,
  closeTimeoutMs: 5_000,
  applicationCloseTimeoutMs: 10_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxQueuedMessages: 64,
  shutdownTimeoutMs: 10_000,
  trustProxyHeaders: false,
  trustedProxies: LOOPBACK_PROXIES,
  maxConnectionsPerAddress: 256,
  maxPendingHandshakes: 1000,
  handshakeTimeoutMs: 10_000,
  maxHeaderSize: 16 * 1024,
  maxMessagesPerSecond: 200,
  maxMessageBurst: 500,
  checkOrigin: true,
  allowedOrigins: [] as readonly string[],
  lifespan: "auto",
  accessLog: true,
  logger: consoleLogger,
  metricsPath: null,
  healthzPath: null,
  readyzPath: null,
  layerAliases: ["default"],
} satisfies ServerOptions;

export type ServeOptions = Partial<ServerOptions>;

/** Which requests `attach()` takes: a path list (exact or prefix, see README) or a predicate. */
export type PathFilter = readonly string[] | ((path: string) => boolean);

export interface AttachOptions extends Partial<
  Omit<ServerOptions, "host" | "port" | "lifespan" | "handshakeTimeoutMs" | "maxHeaderSize">
> {
  /** Paths to take; every other request is left to the host server. Default: all upgrade requests. */
  paths?: PathFilter;
  /** Also take plain HTTP requests on those paths (default false: WebSocket upgrades only). */
  http?: boolean;
}

export type ResolvedServerOptions = Readonly<ServerOptions>;

type Check = (value: unknown) => string | undefined;

const positiveInt: Check = (v) =>
  typeof v === "number" && Number.isInteger(v) && v > 0 ? undefined : "a positive integer";
const nonNegativeInt: Check = (v) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? undefined : "an integer >= 0";

/** A count limit: a positive integer, or Infinity for none. */
const limit: Check = (v) =>
  v === Number.POSITIVE_INFINITY || (typeof v === "number" && Number.isInteger(v) && v > 0)
    ? undefined
    : "a positive integer (or Infinity for no limit)";
/** A rate limit: a number >= 0; 0 and Infinity turn it off. */
const rate: Check = (v) =>
  typeof v === "number" && !Number.isNaN(v) && v >= 0 ? undefined : "a number >= 0 (0 or Infinity: no limit)";

/** A path the server answers itself: absolute, no query, no spaces. */
const probePath: Check = (v) =>
  v === null || (typeof v === "string" && /^\/[^\s?#]*$/.test(v))
    ? undefined
    : 'null or a path starting with "/" without "?", "#" or spaces, e.g. "/metrics"';

const checks: Record<keyof ServerOptions, Check> = {
  host: (v) => (typeof v === "string" && v.length > 0 ? undefined : "a non-empty host name or IP address"),
  port: (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 65535
      ? undefined
      : "an integer port from 0 to 65535",
  rootPath: (v) =>
    typeof v === "string" && (v === "" || (v.startsWith("/") && !v.endsWith("/")))
      ? undefined
      : 'a path starting with "/" and not ending with "/" (or "")',
  maxPayload: positiveInt,
  pingIntervalMs: nonNegativeInt,
  pongTimeoutMs: positiveInt,
  acceptTimeoutMs: positiveInt,
  closeTimeoutMs: positiveInt,
  applicationCloseTimeoutMs: nonNegativeInt,
  maxBufferedBytes: positiveInt,
  maxQueuedMessages: positiveInt,
  shutdownTimeoutMs: nonNegativeInt,
  trustProxyHeaders: (v) => (typeof v === "boolean" ? undefined : "true or false"),
  trustedProxies: (v) => {
    if (!Array.isArray(v) || !v.every((p) => typeof p === "string"))
      return 'an array of addresses and networks such as ["10.0.0.0/8", "::1"] (or ["*"])';
    const problem = (v as string[]).map(proxyEntryProblem).find((p) => p !== undefined);
    return problem === undefined ? undefined : `addresses and networks: ${problem}`;
  },
  maxConnectionsPerAddress: limit,
  maxPendingHandshakes: limit,
  handshakeTimeoutMs: positiveInt,
  maxHeaderSize: positiveInt,
  maxMessagesPerSecond: rate,
  maxMessageBurst: (v) =>
    typeof v === "number" && !Number.isNaN(v) && v >= 0
      ? undefined
      : "a number >= 0 (0: no burst, as 1; Infinity: no limit)",
  checkOrigin: (v) => (typeof v === "boolean" ? undefined : "true or false"),
  allowedOrigins: (v) => {
    if (!Array.isArray(v) || !v.every((p) => typeof p === "string"))
      return 'an array of origin patterns such as ["example.com"]';
    try {
      compileOriginPatterns(v as string[]);
      return undefined;
    } catch (error) {
      return `origin patterns: ${(error as Error).message}`;
    }
  },
  lifespan: (v) => (v === "auto" || v === "on" || v === "off" ? undefined : '"auto", "on" or "off"'),
  accessLog: (v) => (typeof v === "boolean" ? undefined : "true or false"),
  logger: (v) =>
    typeof v === "object" &&
    v !== null &&
    ["info", "warn", "error", "debug"].every((m) => typeof (v as Record<string, unknown>)[m] === "function")
      ? undefined
      : "an object with info, warn, error and debug methods (pino's logger fits)",
  metricsPath: probePath,
  healthzPath: probePath,
  readyzPath: probePath,
  layerAliases: (v) =>
    Array.isArray(v) && v.every((alias) => typeof alias === "string" && alias.length > 0)
      ? undefined
      : 'an array of channel layer aliases, e.g. ["default"] (or [] for none)',
};

const attachOnly: Record<string, Check> = {
  paths: (v) =>
    typeof v === "function" || (Array.isArray(v) && v.every((p) => typeof p === "string" && p.startsWith("/")))
      ? undefined
      : 'an array of paths starting with "/" or a function (path) => boolean',
  http: (v) => (typeof v === "boolean" ? undefined : "true or false"),
};

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Spreads `options` over the defaults and rejects, naming the option, anything unknown (a typo
 * would otherwise silently fall back to a default), out of range, or in conflict.
 */
export function resolveOptions(options: object, kind: "serve" | "attach"): ResolvedServerOptions {
  const given = options as Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (kind === "attach" && (name === "host" || name === "port")) {
      throw new InvalidServerOption(
        name,
        `attach() does not take option ${name}: it serves on the server you pass, so set ${name} where that server listens.`,
      );
    }
    if (kind === "attach" && name === "lifespan") {
      throw new InvalidServerOption(
        name,
        "attach() does not take option lifespan: the host server owns startup and shutdown, so run your startup code before it listens.",
      );
    }
    if (kind === "attach" && (name === "handshakeTimeoutMs" || name === "maxHeaderSize")) {
      const own = name === "handshakeTimeoutMs" ? "headersTimeout" : "maxHeaderSize";
      throw new InvalidServerOption(
        name,
        `attach() does not take option ${name}: node:http applies it while reading the request, before attach() sees it, ` +
          `so set ${own} where you create the server (http.createServer({ ${own} })).`,
      );
    }
    const check =
      (checks as Record<string, Check | undefined>)[name] ?? (kind === "attach" ? attachOnly[name] : undefined);
    if (check === undefined) {
      const known = [...Object.keys(checks), ...(kind === "attach" ? Object.keys(attachOnly) : [])].join(", ");
      throw new InvalidServerOption(name, `Unknown ${kind}() option ${name}; the options are: ${known}.`);
    }
    const expected = check(value);
    if (expected !== undefined) {
      throw new InvalidServerOption(name, `Invalid option ${name}: expected ${expected}, got ${describe(value)}.`);
    }
  }
  const resolved: ServerOptions = { ...serverDefaults };
  for (const key of Object.keys(checks) as Array<keyof ServerOptions>) {
    if (given[key] !== undefined) (resolved as unknown as Record<string, unknown>)[key] = given[key];
  }
  const probes = (["metricsPath", "healthzPath", "readyzPath"] as const).filter((name) => resolved[name] !== null);
  for (const [i, name] of probes.entries()) {
    const other = probes.slice(i + 1).find((later) => resolved[later] === resolved[name]);
    if (other !== undefined) {
      throw new InvalidServerOption(
        other,
        `Options ${name} and ${other} conflict: both are ${JSON.stringify(resolved[name])}; give each its own path.`,
      );
    }
  }
  if (given.trustedProxies !== undefined && !resolved.trustProxyHeaders) {
    throw new InvalidServerOption(
      "trustedProxies",
      "Options trustedProxies and trustProxyHeaders: false conflict: without trustProxyHeaders no forwarded header is read; " +
        "set trustProxyHeaders: true (--proxy-headers) or drop trustedProxies.",
    );
  }
  if (resolved.pingIntervalMs === 0 && given.pongTimeoutMs !== undefined) {
    throw new InvalidServerOption(
      "pongTimeoutMs",
      "Options pongTimeoutMs and pingIntervalMs: 0 conflict: without pings there is no pong to wait for; " +
        "drop pongTimeoutMs or set pingIntervalMs > 0.",
    );
  }
  return resolved;
}
