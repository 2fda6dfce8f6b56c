import { ProtocolTypeRouter, URLRouter, path } from "@channels-ts/core";
import { IndexPage } from "./page";

export const application = ProtocolTypeRouter({
  http: URLRouter([path("", IndexPage.asApp())]),
});
