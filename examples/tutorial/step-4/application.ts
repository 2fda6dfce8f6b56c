import {
  InMemoryChannelLayer,
  ProtocolTypeRouter,
  URLRouter,
  channelLayers,
  path,
  rePath,
  type ChannelLayer,
} from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { ChatConsumer } from "./consumer";
import { IndexPage } from "./page";

// #region layer
function layerFromEnv(): ChannelLayer {
  const kind = process.env.CHANNEL_LAYER ?? "memory";
  const hosts = [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"];
  if (kind === "memory") return new InMemoryChannelLayer();
  if (kind === "redis") return new RedisChannelLayer({ hosts });
  if (kind === "redis-pubsub") return new RedisPubSubChannelLayer({ hosts });
  throw new Error(`CHANNEL_LAYER=${kind} is not one of memory, redis, redis-pubsub.`);
}

channelLayers.configure({ default: layerFromEnv() });
// #endregion layer

export const application = ProtocolTypeRouter({
  http: URLRouter([path("", IndexPage.asApp())]),
  websocket: URLRouter([rePath(String.raw`^room/(?P<group>\w+)/$`, ChatConsumer.asApp())]),
});
