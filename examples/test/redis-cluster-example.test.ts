import { channelLayers } from "@channels-ts/core";
import { describeWithRedisCluster, useRedisCluster } from "@channels-ts/test-fixtures";
import { configureClusterLayer, roundTrip } from "../redis-cluster";

describeWithRedisCluster("docs/channel-layers.md: the Redis Cluster example", () => {
  const cluster = useRedisCluster({ replicasPerMaster: 0 });

  it("configures the pub/sub layer on the cluster and round-trips a group message", async () => {
    const layer = configureClusterLayer(cluster.nodes.slice(0, 1));
    try {
      expect(channelLayers.get("default")).toBe(layer);
      await expect(roundTrip(layer)).resolves.toBe("through Redis Cluster");
    } finally {
      channelLayers.configure({});
      await layer.close();
    }
  });
});
