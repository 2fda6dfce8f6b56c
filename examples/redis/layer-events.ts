import { channelLayers } from "@channels-ts/core";
import { RedisChannelLayer } from "@channels-ts/redis";

/** packages/redis/README.md: a Redis layer as the default layer, its outages in the log. */
export function configureRedisLayer(): RedisChannelLayer {
  // #region configure
  const layer = new RedisChannelLayer({ hosts: [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"] });
  layer.on("down", ({ host, error }) => console.warn(`Redis ${host} is down: ${error.message}`));
  layer.on("up", ({ host }) => console.info(`Redis ${host} is back; memberships restored`));
  channelLayers.configure({ default: layer });
  // #endregion configure
  return layer;
}

/** packages/redis/README.md: find out at startup, not at the first message, that Redis cannot be reached. */
export async function connectAtStartup(layer: RedisChannelLayer): Promise<void> {
  // #region connect
  try {
    await layer.connect();
  } catch (error) {
    // RedisHostUnavailable: "Redis host redis://127.0.0.1:6379 is unreachable (connect ECONNREFUSED ...); ..."
    // The layer keeps retrying; operations fail at once until the host is up.
    console.error((error as Error).message);
  }
  // #endregion connect
}
