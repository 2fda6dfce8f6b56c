import { isIP } from "node:net";
import { compileOriginPatterns } from "@channels-ts/core";
import { serverDefaults } from "@channels-ts/server";
import { InvalidEnvironment } from "./invalid-environment";

/** The layers `CHANNEL_LAYER` may name. */
export const LAYER_KINDS = ["memory", "redis", "redis-pubsub"] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8000;
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export type LayerSettings = { kind: "memory" } | { kind: "redis" | "redis-pubsub"; redisUrl: string };

/** What `npm start` runs with, read from HOST, PORT, CHANNEL_LAYER and REDIS_URL. */
export interface ChatEnvironment {
  host: string;
  port: number;
  layer: LayerSettings;
  /** One log line per connection and request (ACCESS_LOG, as the CLI's; on by default). */
  accessLog: boolean;
  /** Where Prometheus metrics are served (METRICS_PATH, e.g. /metrics); null, the default: nowhere. */
  metricsPath: string | null;
  /** WebSockets per client address (MAX_CONNECTIONS_PER_ADDRESS; 0 or Infinity: no limit; the server's default 256). */
  maxConnectionsPerAddress: number;
  /** Messages per second per WebSocket (MAX_MESSAGES_PER_SECOND; 0 or Infinity: no limit; the server's default 200). */
  maxMessagesPerSecond: number;
  /**
   * Proxies whose X-Forwarded-* are believed (FORWARDED_ALLOW_IPS, comma-separated addresses and
   * networks, or *, as uvicorn's); null, the default: the headers are not read.
   */
  forwardedAllowIps: string[] | null;
  /**
   * Origins a WebSocket handshake may come from besides the request's own host (ALLOWED_ORIGINS,
   * comma-separated patterns as the CLI's --allowed-origins: example.com, .example.com,
   * https://example.com:8443, or *); empty, the default: only the same host.
   */
  allowedOrigins: string[];
}

/**
 * Reads and checks the chat's environment at once, so a typo stops the process at startup with
 * an `InvalidEnvironment` naming the variable, instead of surfacing as errors on every request.
 * An empty value counts as unset (`PORT= npm start` is `npm start`).
 */
export function readChatEnvironment(env: NodeJS.ProcessEnv = process.env): ChatEnvironment {
  return {
    host: readHost(env),
    port: readPort(env),
    layer: readLayerSettings(env),
    accessLog: readAccessLog(env),
    metricsPath: readMetricsPath(env),
    maxConnectionsPerAddress: readLimit(env, "MAX_CONNECTIONS_PER_ADDRESS", serverDefaults.maxConnectionsPerAddress),
    maxMessagesPerSecond: readLimit(env, "MAX_MESSAGES_PER_SECOND", serverDefaults.maxMessagesPerSecond),
    forwardedAllowIps: readForwardedAllowIps(env),
    allowedOrigins: readAllowedOrigins(env),
  };
}

function readAllowedOrigins(env: NodeJS.ProcessEnv): string[] {
  const value = valueOf(env, "ALLOWED_ORIGINS");
  if (value === undefined) return [];
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  try {
    compileOriginPatterns(entries);
  } catch (error) {
    throw new InvalidEnvironment(
      "ALLOWED_ORIGINS",
      value,
      `has a pattern the server cannot read (${(error as Error).message})`,
      "list origins comma-separated, e.g. ALLOWED_ORIGINS=example.com,.example.com,https://app.example.com:8443",
    );
  }
  return entries;
}

/** A limit: a positive integer, or 0 / Infinity for none (Infinity, as the server options have it). */
function readLimit(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = valueOf(env, name);
  if (value === undefined) return fallback;
  if (value === "0" || value === "Infinity") return Number.POSITIVE_INFINITY;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  throw new InvalidEnvironment(
    name,
    value,
    "is not a limit",
    `use a positive integer, or 0 for no limit, e.g. ${name}=${fallback}`,
  );
}

const IP_ENTRY = /^(?:\*|[0-9a-f.:]+(?:\/\d{1,3})?)$/i;

function readForwardedAllowIps(env: NodeJS.ProcessEnv): string[] | null {
  const value = valueOf(env, "FORWARDED_ALLOW_IPS");
  if (value === undefined) return null;
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const bad = entries.find(
    (entry) => !IP_ENTRY.test(entry) || (entry !== "*" && isIP(entry.split("/")[0] as string) === 0),
  );
  if (bad !== undefined || entries.length === 0) {
    throw new InvalidEnvironment(
      "FORWARDED_ALLOW_IPS",
      value,
      bad === undefined ? "names no proxy" : `has ${JSON.stringify(bad)}, not an IP address or network`,
      "list your proxies' addresses or networks, comma-separated, e.g. FORWARDED_ALLOW_IPS=10.0.0.0/8,::1 (or * for any peer)",
    );
  }
  return entries;
}

/** The chat answers /healthz and /readyz itself (its routes are / and /room/...); these cannot be moved. */
export const HEALTHZ_PATH = "/healthz";
export const READYZ_PATH = "/readyz";

function readMetricsPath(env: NodeJS.ProcessEnv): string | null {
  const value = valueOf(env, "METRICS_PATH");
  if (value === undefined) return null;
  if (!/^\/[^\s?#]*$/.test(value) || value === HEALTHZ_PATH || value === READYZ_PATH) {
    throw new InvalidEnvironment(
      "METRICS_PATH",
      value,
      "is not a path the chat can serve metrics on",
      `use a path starting with "/", other than ${HEALTHZ_PATH} and ${READYZ_PATH}, e.g. METRICS_PATH=/metrics`,
    );
  }
  return value;
}

/** `CHANNEL_LAYER` and, for the Redis layers, `REDIS_URL`. */
export function readLayerSettings(env: NodeJS.ProcessEnv = process.env): LayerSettings {
  const kind = valueOf(env, "CHANNEL_LAYER") ?? "memory";
  if (!isLayerKind(kind)) {
    throw new InvalidEnvironment("CHANNEL_LAYER", kind, "is not a layer kind", `use one of ${LAYER_KINDS.join(", ")}`);
  }
  if (kind === "memory") return { kind };
  // REDIS_URL is checked only when a Redis layer will use it.
  return { kind, redisUrl: checkRedisUrl(valueOf(env, "REDIS_URL") ?? DEFAULT_REDIS_URL) };
}

// The CLI's spellings of ACCESS_LOG.
const SWITCH_VALUES: Record<string, boolean> = {
  1: true,
  true: true,
  yes: true,
  on: true,
  0: false,
  false: false,
  no: false,
  off: false,
};

function readAccessLog(env: NodeJS.ProcessEnv): boolean {
  const value = valueOf(env, "ACCESS_LOG");
  if (value === undefined) return true;
  const on = SWITCH_VALUES[value.toLowerCase()];
  if (on === undefined) {
    throw new InvalidEnvironment("ACCESS_LOG", value, "is not on or off", "use ACCESS_LOG=1 or ACCESS_LOG=0");
  }
  return on;
}

function readPort(env: NodeJS.ProcessEnv): number {
  const value = valueOf(env, "PORT");
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port <= 65535)) {
    throw new InvalidEnvironment(
      "PORT",
      value,
      "is not a port number",
      "use an integer from 0 to 65535 (0 picks a free port), e.g. PORT=8000",
    );
  }
  return port;
}

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

function readHost(env: NodeJS.ProcessEnv): string {
  const value = valueOf(env, "HOST");
  if (value === undefined) return DEFAULT_HOST;
  if (isIP(value) !== 0 || HOST_NAME.test(value)) return value;
  const fix = /^\[.*\]$/.test(value)
    ? `write an IPv6 address without brackets, e.g. HOST=${value.slice(1, -1)}`
    : /:\d+$/.test(value) && isIP(value) === 0
      ? "give the port in PORT, not in HOST, e.g. HOST=127.0.0.1 PORT=8000"
      : "use an IP address or a host name, e.g. HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface)";
  throw new InvalidEnvironment("HOST", value, "is not an address to listen on", fix);
}

const REDIS_URL_FIX =
  "use redis://[:password@]host[:port][/db] (rediss:// for TLS), e.g. REDIS_URL=redis://127.0.0.1:6379";

/** A URL ioredis reads as the Redis the user meant (it takes anything else for a socket path or a default). */
function checkRedisUrl(value: string): string {
  const bad = (problem: string): InvalidEnvironment =>
    new InvalidEnvironment("REDIS_URL", value, problem, REDIS_URL_FIX);
  const port = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*)/i.exec(value)?.[1];
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw bad(`has port ${JSON.stringify(port)}, not a number from 1 to 65535`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad("is not a URL");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw bad(`is not a Redis URL (scheme ${url.protocol})`);
  if (url.hostname === "") throw bad("names no host");
  if (!/^(?:\/\d*)?$/.test(url.pathname))
    throw bad(`has path ${JSON.stringify(url.pathname)}; the path is a database number`);
  return value;
}

function valueOf(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

function isLayerKind(value: string): value is LayerKind {
  return (LAYER_KINDS as readonly string[]).includes(value);
}
