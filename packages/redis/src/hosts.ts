import Redis, { type RedisOptions } from "ioredis";

/**
 * One Redis host, as channels_redis's `hosts` entries: a URL (`redis://:pw@host:6379/0`,
 * `rediss://` for TLS), a `[host, port]` pair, or an ioredis options object, which may carry
 * `address` (a URL) and Python's sentinel spelling (`master_name`, `sentinels`).
 */
export type RedisHost = string | readonly [string, number] | RedisHostOptions;

export interface RedisHostOptions extends RedisOptions {
  /** A redis:// URL; other keys override what it says. */
  address?: string;
  /** channels_redis's name for ioredis's sentinel `name`. */
  master_name?: string;
}

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
  return hosts;
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
  const { address, master_name: masterName, ...rest } = host;
  const merged: RedisOptions = { ...defaults, ...rest, ...options };
  if (masterName !== undefined && merged.name === undefined) merged.name = masterName;
  return address === undefined ? new Redis(merged) : new Redis(address, merged);
}

/** A short printable name for logs and events (no password). */
export function describeHost(host: RedisHost): string {
  if (typeof host === "string") return host.replace(/\/\/[^@/]*@/, "//");
  if (isHostPort(host)) return `${host[0]}:${host[1]}`;
  if (host.address !== undefined) return host.address.replace(/\/\/[^@/]*@/, "//");
  return `${host.host ?? "localhost"}:${host.port ?? 6379}`;
}

function isHostPort(host: RedisHost): host is readonly [string, number] {
  return Array.isArray(host);
}
