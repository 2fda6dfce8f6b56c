import { InMemoryChannelLayer, channelLayers, type ChannelLayer } from "@channels-ts/core";

/** The layers `CHANNEL_LAYER` may name. */
export const LAYER_KINDS = ["memory", "redis", "redis-pubsub"] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export class UnknownLayerKind extends Error {
  constructor(value: string) {
    super(`CHANNEL_LAYER=${JSON.stringify(value)} is not a layer kind; use one of ${LAYER_KINDS.join(", ")}.`);
    this.name = "UnknownLayerKind";
  }
}

/** The layer for `CHANNEL_LAYER` (memory, default) and `REDIS_URL` (redis://127.0.0.1:6379). */
export function layerFromEnv(env: NodeJS.ProcessEnv = process.env): ChannelLayer {
  const kind = env.CHANNEL_LAYER ?? "memory";
  const url = env.REDIS_URL ?? "redis://127.0.0.1:6379";
  switch (kind) {
    case "memory":
      return new InMemoryChannelLayer();
    case "redis": {
      // Loaded only when asked for, so the in-memory demo never touches a Redis client.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RedisChannelLayer } = require("@channels-ts/redis") as typeof import("@channels-ts/redis");
      return new RedisChannelLayer({ hosts: [url] });
    }
    case "redis-pubsub": {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RedisPubSubChannelLayer } = require("@channels-ts/redis") as typeof import("@channels-ts/redis");
      return new RedisPubSubChannelLayer({ hosts: [url] });
    }
    default:
      throw new UnknownLayerKind(kind);
  }
}

/** Configures the "default" alias from the environment, once per process (like CHANNEL_LAYERS). */
export function configureChannelLayers(env: NodeJS.ProcessEnv = process.env): void {
  if (channelLayers.get("default") === undefined) channelLayers.configure({ default: () => layerFromEnv(env) });
}
