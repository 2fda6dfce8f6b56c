import { configurePresence, type ChannelLayer } from "@channels-ts/core";
import { RedisPresenceStore } from "@channels-ts/redis";

export function tunePresence(layer: ChannelLayer, url: string): void {
  // #region configure
  // Optional: the Redis layers make a store like this one by themselves (first host, same prefix).
  configurePresence(layer, {
    store: new RedisPresenceStore({ host: url, prefix: "asgi", heartbeatMs: 3000, timeoutMs: 10_000 }),
    diffWindowMs: 50,
  });
  // #endregion configure
}
