import {
  ChannelNameRouter,
  ProtocolTypeRouter,
  URLRouter,
  WebsocketConsumer,
  path,
  rePath,
  registerConverter,
  type Application,
} from "@channels-ts/core";

/** Echoes what the router put in `scope.url_route.kwargs`, so the routes below can be seen working. */
export class KwargsEcho extends WebsocketConsumer {
  override async connect(): Promise<void> {
    await this.accept();
    await this.send(JSON.stringify(this.scope.url_route?.kwargs));
  }
}
const echo = KwargsEcho.asApp();
const thumbnails: Application = async () => {};

// #region url-router
const rooms = URLRouter([
  path("<int:id>/", echo), // kwargs.id is a number
  path("<slug:name>/", echo), // letters, digits, - and _
]);

export const websocketRoutes = URLRouter([
  path("chat/", rooms), // nested: "chat/" is cut off before `rooms` matches the rest
  path("user/<uuid:id>/", echo),
  path("files/<path:rest>", echo), // "path" matches across slashes
  rePath(String.raw`^legacy/(?P<room>\w+)/$`, echo), // Python's (?P<name>...) groups work as they are
  path("lobby/", echo, { room: "lobby" }), // extra kwargs, as Django's path(route, view, kwargs)
]);
// #endregion url-router

// #region converter
// A converter of your own, as Django's register_converter: `<year:y>` matches four digits.
registerConverter("year", { regex: "[0-9]{4}", toValue: (raw) => Number(raw) });

export const archive = URLRouter([path("archive/<year:y>/", echo)]);
// #endregion converter

// #region protocol-type-router
export const application = ProtocolTypeRouter({
  websocket: websocketRoutes,
  // `channel` scopes come from a Worker (channels-ts worker app.ts thumbnails)
  channel: ChannelNameRouter({ thumbnails }),
});
// #endregion protocol-type-router
