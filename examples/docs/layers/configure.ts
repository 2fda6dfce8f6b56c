import { InMemoryChannelLayer, WebsocketConsumer, channelLayers, getChannelLayer } from "@channels-ts/core";

// #region configure
// settings.CHANNEL_LAYERS: once per process, before the first consumer starts.
channelLayers.configure({
  default: () => new InMemoryChannelLayer(), // a factory runs on first use
  bulk: new InMemoryChannelLayer({
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
class BulkConsumer extends WebsocketConsumer {
  override channelLayerAlias = "bulk"; // "" means: no layer, no channel name
}
// #endregion alias

// #region outside
// Anywhere else in the process (an HTTP handler, a timer, a script):
export async function announce(text: string): Promise<void> {
  await getChannelLayer()!.groupSend("room", { type: "chat.message", text });
}
// #endregion outside

export { BulkConsumer };
