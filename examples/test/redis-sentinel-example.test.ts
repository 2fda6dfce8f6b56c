import { channelLayers } from "@channels-ts/core";
import { describeWithSentinel, useRedisSentinel } from "@channels-ts/test-fixtures";
import { configureSentinelLayers, roundTrip } from "../redis/sentinel";

describeWithSentinel("docs/channel-layers.md: the Sentinel example", () => {
  const set = useRedisSentinel();

  it("configures both layers through the Sentinel and round-trips a message through each", async () => {
    const { queue, pubsub } = configureSentinelLayers(set.sentinelPort);
    try {
      expect(channelLayers.get("default")).toBe(queue);
      expect(channelLayers.get("pubsub")).toBe(pubsub);
      await expect(roundTrip(queue)).resolves.toBe("through Sentinel");
      await expect(roundTrip(pubsub)).resolves.toBe("through Sentinel");
    } finally {
      channelLayers.configure({});
      await Promise.all([queue.close(), pubsub.close()]);
    }
  });
});
