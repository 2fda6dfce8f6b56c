import { channelLayers } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";

export function configureRedis(): void {
  // #region redis
  channelLayers.configure({
    // channels_redis.core.RedisChannelLayer
    default: () =>
      new RedisChannelLayer({
        hosts: ["redis://127.0.0.1:6379"], // several hosts shard, as channels_redis does
        prefix: "asgi", // the same prefix as every peer, Python included
        capacity: 100,
        expiry: 60,
        groupExpiry: 86400,
        symmetricEncryptionKeys: process.env.LAYER_KEY === undefined ? undefined : [process.env.LAYER_KEY],
      }),
    // channels_redis.pubsub.RedisPubSubChannelLayer
    pubsub: () => new RedisPubSubChannelLayer({ hosts: ["redis://127.0.0.1:6379"] }),
  });
  // #endregion redis
}

export function watchRedis(): RedisChannelLayer {
  // #region events
  const layer = new RedisChannelLayer({ hosts: [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"] });
  layer.on("down", ({ host, error }) => console.warn(`Redis ${host} is down: ${error?.message ?? "closed"}`));
  layer.on("up", ({ host }) => console.info(`Redis ${host} is back; memberships restored`));
  channelLayers.configure({ default: layer });
  // #endregion events
  return layer;
}
