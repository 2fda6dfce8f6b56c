import { ChannelsError, ErrorCode, InMemoryChannelLayer } from "@channels-ts/core";

async function main() {
  const layer = new InMemoryChannelLayer({ capacity: 1 });
  // #region branch-on-code
  try {
    await layer.send("thumbnails", { type: "thumbnail.make", id: 1 });
    await layer.send("thumbnails", { type: "thumbnail.make", id: 2 });
  } catch (err) {
    if (err instanceof ChannelsError && err.code === ErrorCode.CHANNEL_FULL) {
      console.log(`dropped: ${err.code}`); // dropped: CHANNEL_FULL
    } else {
      throw err;
    }
  }
  // #endregion branch-on-code
  await layer.close();
}
void main();
