import { ProtocolTypeRouter, URLRouter, path, rePath } from "@channels-ts/core";
import { ChatConsumer } from "./chat-consumer";
import { configureChannelLayers } from "./channel-layer-config";
import { IndexPage } from "./index-page";
import { closeWhileLayerUnavailable } from "./layer-availability";

// As in Django's settings.CHANNEL_LAYERS: configured once, when the application is loaded,
// so `channels-ts serve apps/chat/src/application.ts` works as well as `npm start`.
configureChannelLayers();

/** The tutorial's routing: the page over HTTP, the room over WebSocket. */
export const application = ProtocolTypeRouter({
  http: URLRouter([path("", IndexPage.asApp())]),
  websocket: closeWhileLayerUnavailable(URLRouter([rePath(String.raw`^room/(?P<group>\w+)/$`, ChatConsumer.asApp())])),
});
