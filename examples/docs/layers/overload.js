"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.overload = overload;
const core_1 = require("@channels-ts/core");
/** What a full channel does to `send` and to `groupSend`; `npx tsx examples/docs/layers/overload.ts`. */
async function overload() {
    const seen = [];
    // #region overload
    const layer = new core_1.InMemoryChannelLayer({ capacity: 2 });
    const slow = await layer.newChannel(); // nobody receives on it
    const fast = await layer.newChannel();
    await layer.groupAdd("room", slow);
    await layer.groupAdd("room", fast);
    await layer.send(slow, { type: "chat.message", text: "1" });
    await layer.send(slow, { type: "chat.message", text: "2" });
    try {
        await layer.send(slow, { type: "chat.message", text: "3" });
    }
    catch (error) {
        if (error instanceof core_1.ChannelFull)
            seen.push(`send: ${error.code}`); // send: CHANNEL_FULL
    }
    // groupSend never throws for a full member: it skips it and delivers to the others.
    await layer.groupSend("room", { type: "chat.message", text: "to all" });
    const got = await layer.receive(fast);
    seen.push(`fast got: ${String(got.text)}`); // fast got: to all
    // #endregion overload
    await layer.close();
    return seen;
}
if (require.main === module) {
    overload().then((lines) => console.log(lines.join("\n")), console.error);
}
//# sourceMappingURL=overload.js.map