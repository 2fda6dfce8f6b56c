import { InvalidLayerOption } from "@channels-ts/core";

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

/**
 * Rejects a `cluster` option the layer cannot use, or one given with `hosts` or `transport`,
 * naming the key and what to write instead.
 */
export function checkClusterOptions(
  cluster: ClusterConnectionOptions,
  layer: { hosts?: unknown; transport?: unknown } = {},
): void {
  if (layer.hosts !== undefined)
    throw new InvalidLayerOption("hosts", layer.hosts, "no hosts with cluster (list the seed nodes in cluster.nodes)");
  if (layer.transport !== undefined)
    throw new InvalidLayerOption("cluster", cluster, "no cluster with transport (give one or the other)");
  if (typeof cluster !== "object" || cluster === null)
    throw new InvalidLayerOption("cluster", cluster, "an object with nodes");
  for (const key of Object.keys(cluster))
    if (!(KEYS as readonly string[]).includes(key))
      throw new InvalidLayerOption(
        `cluster.${key}`,
        (cluster as unknown as Record<string, unknown>)[key],
        `no such cluster option; use ${KEYS.join(", ")}`,
      );
  if (!Array.isArray(cluster.nodes) || cluster.nodes.length === 0)
    throw new InvalidLayerOption(
      "cluster.nodes",
      cluster.nodes,
      'at least one node, e.g. [{ host: "127.0.0.1", port: 7000 }]',
    );
  for (const node of cluster.nodes) {
    const valid =
      typeof node === "string"
        ? /^rediss?:\/\//.test(node)
        : typeof node === "object" && node !== null && typeof node.host === "string" && Number.isInteger(node.port);
    if (!valid)
      throw new InvalidLayerOption(
        "cluster.nodes",
        node,
        '"redis://host:port" or { host: "...", port: 7000 } for each node',
      );
  }
  const interval = cluster.slotsRefreshIntervalMs;
  if (interval !== undefined && !(Number.isFinite(interval) && interval >= 50))
    throw new InvalidLayerOption("cluster.slotsRefreshIntervalMs", interval, "a number >= 50 (ms)");
}
