/** A seed node of a cluster: a URL (`redis://host:port`) or an address. One is enough; give several. */
export type ClusterNodeAddress = string | { host: string; port: number };

/**
 * The `cluster` option of `RedisPubSubChannelLayer`: the layer talks to a Redis Cluster (7.0
 * or later) with sharded pub/sub instead of to `hosts`. A subset of ioredis's ClusterOptions,
 * named as the layer names things.
 */
export interface ClusterConnectionOptions {
  /** Seed nodes; the layer discovers the others (CLUSTER SLOTS). */
  nodes: readonly ClusterNodeAddress[];
  /** ACL user of every node. */
  username?: string;
  /** Password of every node. */
  password?: string;
  /** TLS options of every node (node:tls `ConnectionOptions`), as ioredis's `tls`. */
  tls?: Record<string, unknown>;
  /** Addresses the nodes announce, mapped to the ones this process reaches them at (NAT, Docker), as ioredis's `natMap`. */
  natMap?: Readonly<Record<string, { host: string; port: number }>>;
  /**
   * How often the slot map is read again, which is also when a subscription whose slot moved
   * without Redis saying so is placed again. Default 1000.
   */
  slotsRefreshIntervalMs?: number;
}

const KEYS: ReadonlyArray<keyof ClusterConnectionOptions> = [
  "nodes",
  "username",
  "password",
  "tls",
  "natMap",
  "slotsRefreshIntervalMs",
];

/** Rejects a `cluster` option the layer cannot use, naming the key and what to write instead. */
export function checkClusterOptions(cluster: ClusterConnectionOptions): void {
  if (typeof cluster !== "object" || cluster === null)
    throw new TypeError(`cluster must be an object with nodes, got ${String(cluster)}.`);
  for (const key of Object.keys(cluster))
    if (!(KEYS as readonly string[]).includes(key))
      throw new TypeError(`cluster.${key} is not a cluster option: use ${KEYS.join(", ")}.`);
  if (!Array.isArray(cluster.nodes) || cluster.nodes.length === 0)
    throw new TypeError('cluster.nodes must list at least one node, e.g. [{ host: "127.0.0.1", port: 7000 }].');
  for (const node of cluster.nodes) {
    const valid =
      typeof node === "string"
        ? /^rediss?:\/\//.test(node)
        : typeof node === "object" && node !== null && typeof node.host === "string" && Number.isInteger(node.port);
    if (!valid)
      throw new TypeError(
        `cluster.nodes has ${JSON.stringify(node)}: write "redis://host:port" or { host: "...", port: 7000 }.`,
      );
  }
  const interval = cluster.slotsRefreshIntervalMs;
  if (interval !== undefined && !(Number.isFinite(interval) && interval >= 50))
    throw new TypeError(`cluster.slotsRefreshIntervalMs must be a number >= 50, got ${String(interval)}.`);
}
