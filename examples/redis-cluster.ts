import { channelLayers } from "@channels-ts/core";
import { RedisPubSubChannelLayer } from "@channels-ts/redis";

/**
 * docs/channel-layers.md, "Redis Cluster": the pub/sub layer on a Redis Cluster (7.0 or later)
 * with sharded pub/sub. Run it against a cluster whose node 127.0.0.1:7000 is one seed:
 *
 *     CLUSTER_NODES=127.0.0.1:7000 npx tsx examples/redis-cluster.ts
 */
export function configureClusterLayer(seeds: Array<{ host: string; port: number }>): RedisPubSubChannelLayer {
  // #region configure
  const layer = new RedisPubSubChannelLayer({
    cluster: {
      nodes: seeds, // one reachable node is enough: the layer reads the others from the cluster
      // password: process.env.REDIS_PASSWORD, username, tls, natMap: as in ioredis's ClusterOptions
    },
  });
  layer.on("down", ({ host, error }) => console.warn(`${host}: subscriptions lost (${error.message})`));
  layer.on("up", ({ host }) => console.info(`${host}: every subscription is back on its slot's master`));
  channelLayers.configure({ default: layer });
  // #endregion configure
  return layer;
}

/** One group message through the cluster: what the script prints when the cluster is up. */
export async function roundTrip(layer: RedisPubSubChannelLayer): Promise<string> {
  await layer.connect();
  const channel = await layer.newChannel();
  await layer.groupAdd("cluster-example", channel);
  await layer.groupSend("cluster-example", { type: "hello", text: "through Redis Cluster" });
  const message = await layer.receive(channel);
  await layer.groupDiscard("cluster-example", channel);
  return String(message.text);
}

async function main(): Promise<void> {
  const seeds = (process.env.CLUSTER_NODES ?? "127.0.0.1:7000").split(",").map((node) => {
    const [host = "127.0.0.1", port = "7000"] = node.split(":");
    return { host, port: Number(port) };
  });
  const layer = configureClusterLayer(seeds);
  try {
    console.log(`pub/sub layer on the cluster: ${await roundTrip(layer)}`);
  } finally {
    await layer.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
