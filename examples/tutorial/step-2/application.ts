import { ProtocolTypeRouter, URLRouter, path, rePath } from "@channels-ts/core";
import { ChatConsumer } from "./consumer";
import { IndexPage } from "./page";

export const application = ProtocolTypeRouter({
  http: URLRouter([path("", IndexPage.asApp())]),
  websocket: URLRouter([rePath(String.raw`^room/(?P<group>\w+)/$`, ChatConsumer.asApp())]),
});
