"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = exports.archive = exports.websocketRoutes = exports.KwargsEcho = void 0;
const core_1 = require("@channels-ts/core");
/** Echoes what the router put in `scope.url_route.kwargs`, so the routes below can be seen working. */
class KwargsEcho extends core_1.WebsocketConsumer {
    async connect() {
        await this.accept();
        await this.send(JSON.stringify(this.scope.url_route?.kwargs));
    }
}
exports.KwargsEcho = KwargsEcho;
const echo = KwargsEcho.asApp();
const thumbnails = async () => { };
// #region url-router
const rooms = (0, core_1.URLRouter)([
    (0, core_1.path)("<int:id>/", echo), // kwargs.id is a number
    (0, core_1.path)("<slug:name>/", echo), // letters, digits, - and _
]);
exports.websocketRoutes = (0, core_1.URLRouter)([
    (0, core_1.path)("chat/", rooms), // nested: "chat/" is cut off before `rooms` matches the rest
    (0, core_1.path)("user/<uuid:id>/", echo),
    (0, core_1.path)("files/<path:rest>", echo), // "path" matches across slashes
    (0, core_1.rePath)(String.raw `^legacy/(?P<room>\w+)/$`, echo), // Python's (?P<name>...) groups work as they are
    (0, core_1.path)("lobby/", echo, { room: "lobby" }), // extra kwargs, as Django's path(route, view, kwargs)
]);
// #endregion url-router
// #region converter
// A converter of your own, as Django's register_converter: `<year:y>` matches four digits.
(0, core_1.registerConverter)("year", { regex: "[0-9]{4}", toValue: (raw) => Number(raw) });
exports.archive = (0, core_1.URLRouter)([(0, core_1.path)("archive/<year:y>/", echo)]);
// #endregion converter
// #region protocol-type-router
exports.application = (0, core_1.ProtocolTypeRouter)({
    websocket: exports.websocketRoutes,
    // `channel` scopes come from a Worker (channels-ts worker app.ts thumbnails)
    channel: (0, core_1.ChannelNameRouter)({ thumbnails }),
});
// #endregion protocol-type-router
//# sourceMappingURL=routing.js.map