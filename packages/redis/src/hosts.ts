import type { ConnectionOptions } from "node:tls";
import Redis, { type RedisOptions, type SentinelAddress } from "ioredis";

/**
 * One Redis host, as channels_redis's `hosts` entries: a URL (`redis://:pw@host:6379/0`,
 * `rediss://` for TLS), a `[host, port]` pair, or an ioredis options object, which may carry
 * `address` (a URL) and Python's sentinel spelling (`sentinels`, `master_name`, `sentinel_kwargs`).
 */
export type RedisHost = string | readonly [string, number] | RedisHostOptions;

export interface RedisHostOptions extends Omit<RedisOptions, "sentinels"> {
  /** A redis:// URL; other keys override what it says. */
  address?: string;
  /**
   * The Sentinels to ask for the master, as channels_redis lists them (`[host, port]` pairs) or
   * as ioredis does (`{ host, port }`). With them, `master_name` (or ioredis's `name`) is required.
   */
  sentinels?: ReadonlyArray<readonly [string, number] | Partial<SentinelAddress>>;
  /** channels_redis's name for ioredis's sentinel `name`: the master group the Sentinels monitor. */
  master_name?: string;
  /** channels_redis's options for the connections to the Sentinels themselves (not to the master). */
  sentinel_kwargs?: SentinelKwargs;
}

/** What `sentinel_kwargs` may hold: the keys of redis-py's Sentinel connections that ioredis has. */
export interface SentinelKwargs {
  password?: string;
  username?: string;
  /** TLS to the Sentinels: `true`, or Node's TLS options. */
  ssl?: boolean | ConnectionOptions;
}

const SENTINEL_KWARGS: ReadonlyArray<keyof SentinelKwargs> = ["password", "username", "ssl"];

/** Options the layer forces on every client: it manages connect, reconnect and resubscription itself. */
export interface ClientPolicy {
  reconnectMinDelayMs: number;
  reconnectMaxDelayMs: number;
}

export const DEFAULT_HOST = "redis://localhost:6379";

/** Check `hosts` up front, as channels_redis does, so a bare string is an error naming the fix. */
export function normalizeHosts(hosts: readonly RedisHost[] | undefined): readonly RedisHost[] {
  if (hosts === undefined || hosts.length === 0) return [DEFAULT_HOST];
  if (typeof hosts === "string") {
    throw new TypeError(`hosts must be a list of Redis hosts, even for one: use hosts: [${JSON.stringify(hosts)}].`);
  }
  hosts.forEach(checkSentinelHost);
  return hosts;
}

/** A Sentinel host must name its master and list its Sentinels; caught here rather than as a hang at connect. */
function checkSentinelHost(host: RedisHost, index: number): void {
  if (typeof host === "string" || isHostPort(host)) return;
  const { sentinels, master_name: masterName, name, sentinel_kwargs: kwargs } = host;
  const where = `hosts[${index}]`;
  if (sentinels === undefined) {
    if (masterName !== undefined || kwargs !== undefined)
      throw new TypeError(
        `${where} has ${masterName !== undefined ? "master_name" : "sentinel_kwargs"} but no sentinels: ` +
          `add sentinels: [["sentinel-host", 26379]].`,
      );
    return;
  }
  if (!Array.isArray(sentinels) || sentinels.length === 0)
    throw new TypeError(`${where}.sentinels must list at least one Sentinel, e.g. [["127.0.0.1", 26379]].`);
  sentinels.forEach((sentinel, i) => {
    const ok = Array.isArray(sentinel)
      ? sentinel.length === 2 && typeof sentinel[0] === "string" && Number.isInteger(sentinel[1])
      : typeof sentinel === "object" && sentinel !== null;
    if (!ok)
      throw new TypeError(
        `${where}.sentinels[${i}] is ${JSON.stringify(sentinel)}: use a [host, port] pair or { host, port }.`,
      );
  });
  if ((masterName ?? name) === undefined)
    throw new TypeError(`${where} lists sentinels but no master_name: add the master group's name, e.g. "mymaster".`);
  if (kwargs !== undefined) {
    for (const key of Object.keys(kwargs))
      if (!(SENTINEL_KWARGS as readonly string[]).includes(key))
        throw new TypeError(
          `${where}.sentinel_kwargs has ${JSON.stringify(key)}, which is not supported: use ${SENTINEL_KWARGS.join(", ")}.`,
        );
  }
}

/**
 * ioredis's disconnect() ends the socket and destroys it if it is still open after
 * `disconnectTimeout`; on a socket that had already closed (a host that is down) that timer runs
 * its whole length and keeps the process alive after close(). The layer reads nothing after
 * disconnecting, so it does not wait the default 2 s. A host's own `disconnectTimeout` wins.
 */
const DISCONNECT_TIMEOUT_MS = 100;

/** A new, not yet connected client for `host`. */
export function createClient(host: RedisHost, policy: ClientPolicy, extra: RedisOptions = {}): Redis {
  const options: RedisOptions = {
    lazyConnect: true,
    retryStrategy: (times) =>
      Math.min(policy.reconnectMinDelayMs * 2 ** Math.min(times - 1, 16), policy.reconnectMaxDelayMs),
    ...extra,
  };
  const defaults: RedisOptions = { disconnectTimeout: DISCONNECT_TIMEOUT_MS };
  if (typeof host === "string") return new Redis(host, { ...defaults, ...options });
  if (isHostPort(host)) return new Redis({ host: host[0], port: host[1], ...defaults, ...options });
  const { address, master_name: masterName, sentinels, sentinel_kwargs: kwargs, ...rest } = host;
  const sentinel = sentinels === undefined ? {} : sentinelOptions(sentinels, masterName ?? rest.name, kwargs);
  const merged: RedisOptions = { ...defaults, ...sentinel, ...rest, ...options };
  return address === undefined ? new Redis(merged) : new Redis(address, merged);
}

/** ioredis's spelling of channels_redis's Sentinel host (`sentinels`, `master_name`, `sentinel_kwargs`). */
function sentinelOptions(
  sentinels: NonNullable<RedisHostOptions["sentinels"]>,
  name: string | undefined,
  kwargs: SentinelKwargs | undefined,
): RedisOptions {
  const options: RedisOptions = {
    name,
    // Reconnect as soon as a Sentinel announces +switch-master, not when the old master, demoted
    // up to 10 s later, closes its clients: writes in between would go to a master on its way out.
    failoverDetector: true,
    // When no Sentinel answers, fail the attempt (the layer reports the host down and retries with
    // its own backoff) instead of ioredis retrying inside connect(), where nothing would say so.
    sentinelRetryStrategy: () => null,
    sentinels: sentinels.map((sentinel) =>
      isHostPort(sentinel) ? { host: sentinel[0], port: sentinel[1] } : { ...sentinel },
    ),
  };
  if (kwargs?.password !== undefined) options.sentinelPassword = kwargs.password;
  if (kwargs?.username !== undefined) options.sentinelUsername = kwargs.username;
  if (kwargs?.ssl !== undefined && kwargs.ssl !== false) options.sentinelTLS = kwargs.ssl === true ? {} : kwargs.ssl;
  return options;
}

/** A short printable name for logs and events (no password). */
export function describeHost(host: RedisHost): string {
  if (typeof host === "string") return host.replace(/\/\/[^@/]*@/, "//");
  if (isHostPort(host)) return `${host[0]}:${host[1]}`;
  if (host.sentinels !== undefined) {
    const sentinels = host.sentinels.map((s) =>
      isHostPort(s) ? `${s[0]}:${s[1]}` : `${s.host ?? "localhost"}:${s.port ?? 26379}`,
    );
    return `${host.master_name ?? host.name ?? "?"} (sentinels ${sentinels.join(", ")})`;
  }
  if (host.address !== undefined) return host.address.replace(/\/\/[^@/]*@/, "//");
  return `${host.host ?? "localhost"}:${host.port ?? 6379}`;
}

function isHostPort(host: unknown): host is readonly [string, number] {
  return Array.isArray(host);
}
