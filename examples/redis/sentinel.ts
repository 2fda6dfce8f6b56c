import { channelLayers } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";

/**
 * docs/channel-layers.md, "Sentinel": both layers find the master through Sentinel, with the host
 * written as channels_redis's CHANNEL_LAYERS writes it. Run it against a Sentinel:
 *
 *     SENTINEL_PORT=26379 npx tsx examples/redis/sentinel.ts
 */
export function configureSentinelLayers(sentinelPort: number): {
  queue: RedisChannelLayer;
  pubsub: RedisPubSubChannelLayer;
} {
  // #region configure
  const host = {
    sentinels: [["127.0.0.1", sentinelPort]] as Array<[string, number]>, // [host, port] of each Sentinel
    master_name: "mymaster", // the master group the Sentinels monitor
    // sentinel_kwargs: { password: process.env.SENTINEL_PASSWORD }, // for the Sentinels themselves
  };
  const queue = new RedisChannelLayer({ hosts: [host] });
  const pubsub = new RedisPubSubChannelLayer({ hosts: [host] });
  for (const layer of [queue, pubsub]) {
    layer.on("down", ({ host, error }) => console.warn(`Redis ${host} is down: ${error.message}`));
    layer.on("up", ({ host }) => console.info(`Redis ${host} is back (on the current master)`));
  }
  channelLayers.configure({ default: queue, pubsub });
  // #endregion configure
  return { queue, pubsub };
}

/** One group message through each layer: what the script prints when the Sentinel and its master are up. */
export async function roundTrip(layer: RedisChannelLayer | RedisPubSubChannelLayer): Promise<string> {
  await layer.connect();
  const channel = await layer.newChannel();
  await layer.groupAdd("sentinel-example", channel);
  await layer.groupSend("sentinel-example", { type: "hello", text: "through Sentinel" });
  const message = await layer.receive(channel);
  await layer.groupDiscard("sentinel-example", channel);
  return String(message.text);
}

async function main(): Promise<void> {
  const { queue, pubsub } = configureSentinelLayers(Number(process.env.SENTINEL_PORT ?? 26379));
  try {
    console.log(`queue layer: ${await roundTrip(queue)}`);
    console.log(`pub/sub layer: ${await roundTrip(pubsub)}`);
  } finally {
    await Promise.all([queue.close(), pubsub.close()]);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
