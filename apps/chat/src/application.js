"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = void 0;
const core_1 = require("@channels-ts/core");
const chat_consumer_1 = require("./chat-consumer");
const channel_layer_config_1 = require("./channel-layer-config");
const index_page_1 = require("./index-page");
const layer_availability_1 = require("./layer-availability");
// As in Django's settings.CHANNEL_LAYERS: configured once, when the application is loaded,
// so `channels-ts serve apps/chat/src/application.ts` works as well as `npm start`.
(0, channel_layer_config_1.configureChannelLayers)();
/** The tutorial's routing: the page over HTTP, the room over WebSocket. */
exports.application = (0, core_1.ProtocolTypeRouter)({
    http: (0, core_1.URLRouter)([(0, core_1.path)("", index_page_1.IndexPage.asApp())]),
    websocket: (0, layer_availability_1.closeWhileLayerUnavailable)((0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^room/(?P<group>\w+)/$`, chat_consumer_1.ChatConsumer.asApp())])),
});
//# sourceMappingURL=application.js.map