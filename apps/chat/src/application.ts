import { ProtocolTypeRouter, URLRouter, path, rePath } from "@channels-ts/core";
import { ChatConsumer } from "./chat-consumer";
import { ClientBundle } from "./client-bundle";
import { configureChannelLayers } from "./channel-layer-config";
import { IndexPage } from "./index-page";
import { closeWhileLayerUnavailable } from "./layer-availability";
import { LivePage } from "./live-page";
import { LiveRoomConsumer } from "./live-room-consumer";

// As in Django's settings.CHANNEL_LAYERS: configured once, when the application is loaded,
// so `channels-ts serve apps/chat/src/application.ts` works as well as `npm start`.
configureChannelLayers();

/**
 * The tutorial's routing (the page over HTTP, the room over WebSocket), and the live page of the
 * same rooms, built on @channels-ts/client (who is here, reconnects, marks what was not sent).
 */
export const application = ProtocolTypeRouter({
  http: URLRouter([
    path("", IndexPage.asApp()),
    path("live/", LivePage.asApp()),
    path("static/channels-client.min.js", ClientBundle.asApp()),
  ]),
  websocket: closeWhileLayerUnavailable(
    URLRouter([
      rePath(String.raw`^room/(?P<group>\w+)/$`, ChatConsumer.asApp()),
      rePath(String.raw`^live/(?P<group>\w+)/$`, LiveRoomConsumer.asApp()),
    ]),
  ),
});
