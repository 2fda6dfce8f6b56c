"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BulkConsumer = void 0;
exports.announce = announce;
const core_1 = require("@channels-ts/core");
// #region configure
// settings.CHANNEL_LAYERS: once per process, before the first consumer starts.
core_1.channelLayers.configure({
    default: () => new core_1.InMemoryChannelLayer(), // a factory runs on first use
    bulk: new core_1.InMemoryChannelLayer({
        capacity: 1000, // messages one channel holds before `send` throws ChannelFull (default 100)
        expiry: 10, // seconds a message may wait in a channel before it is dropped (default 60)
        groupExpiry: 3600, // seconds a membership lasts after its last groupAdd (default 86400)
        channelCapacity: [
            ["http.request", 200], // a glob matched against the full channel name
            [/^thumbnails/, 20], // or a RegExp; the first match wins
        ],
    }),
});
// #endregion configure
// #region alias
class BulkConsumer extends core_1.WebsocketConsumer {
    channelLayerAlias = "bulk"; // "" means: no layer, no channel name
}
exports.BulkConsumer = BulkConsumer;
// #endregion alias
// #region outside
// Anywhere else in the process (an HTTP handler, a timer, a script):
async function announce(text) {
    await (0, core_1.getChannelLayer)().groupSend("room", { type: "chat.message", text });
}
//# sourceMappingURL=configure.js.map