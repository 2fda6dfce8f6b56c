"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
async function main() {
    const layer = new core_1.InMemoryChannelLayer({ capacity: 1 });
    // #region branch-on-code
    try {
        await layer.send("thumbnails", { type: "thumbnail.make", id: 1 });
        await layer.send("thumbnails", { type: "thumbnail.make", id: 2 });
    }
    catch (err) {
        if (err instanceof core_1.ChannelsError && err.code === core_1.ErrorCode.CHANNEL_FULL) {
            console.log(`dropped: ${err.code}`); // dropped: CHANNEL_FULL
        }
        else {
            throw err;
        }
    }
    // #endregion branch-on-code
    await layer.close();
}
void main();
//# sourceMappingURL=error-codes.js.map