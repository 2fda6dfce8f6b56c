import { InMemoryChannelLayer, ProtocolTypeRouter, URLRouter, channelLayers, path, rePath } from "@channels-ts/core";
import { ChatConsumer } from "./consumer";
import { IndexPage } from "./page";

// settings.CHANNEL_LAYERS: configured once per process, before the first consumer starts.
channelLayers.configure({ default: () => new InMemoryChannelLayer() });

export const application = ProtocolTypeRouter({
  http: URLRouter([path("", IndexPage.asApp())]),
  websocket: URLRouter([rePath(String.raw`^room/(?P<group>\w+)/$`, ChatConsumer.asApp())]),
});
