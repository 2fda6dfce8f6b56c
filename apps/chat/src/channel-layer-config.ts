import { InMemoryChannelLayer, channelLayers, type ChannelLayer } from "@channels-ts/core";
import { readLayerSettings, type LayerSettings } from "./environment";

export { LAYER_KINDS, type LayerKind } from "./environment";

/** The layer `settings` describe: in memory, or a Redis layer on `redisUrl`. */
export function layerFromSettings(settings: LayerSettings): ChannelLayer {
  switch (settings.kind) {
    case "memory":
      return new InMemoryChannelLayer();
    case "redis": {
      // Loaded only when asked for, so the in-memory demo never touches a Redis client.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RedisChannelLayer } = require("@channels-ts/redis") as typeof import("@channels-ts/redis");
      return new RedisChannelLayer({ hosts: [settings.redisUrl] });
    }
    case "redis-pubsub": {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RedisPubSubChannelLayer } = require("@channels-ts/redis") as typeof import("@channels-ts/redis");
      return new RedisPubSubChannelLayer({ hosts: [settings.redisUrl] });
    }
  }
}

/** The layer for `CHANNEL_LAYER` (memory, default) and `REDIS_URL` (redis://127.0.0.1:6379); throws InvalidEnvironment. */
export function layerFromEnv(env: NodeJS.ProcessEnv = process.env): ChannelLayer {
  return layerFromSettings(readLayerSettings(env));
}

/**
 * Configures the "default" alias, once per process (like CHANNEL_LAYERS), from `settings` or
 * the environment, and returns the default layer. The environment is checked now, so a bad
 * CHANNEL_LAYER or REDIS_URL stops the process at startup rather than failing every request.
 */
export function configureChannelLayers(settings: LayerSettings | NodeJS.ProcessEnv = process.env): ChannelLayer {
  const configured = channelLayers.get("default");
  if (configured !== undefined) return configured;
  const layer = isLayerSettings(settings) ? layerFromSettings(settings) : layerFromEnv(settings);
  channelLayers.configure({ default: layer });
  return layer;
}

function isLayerSettings(value: LayerSettings | NodeJS.ProcessEnv): value is LayerSettings {
  return value.kind === "memory" || value.kind === "redis" || value.kind === "redis-pubsub";
}
