"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = void 0;
const core_1 = require("@channels-ts/core");
core_1.channelLayers.configure({ default: () => new core_1.InMemoryChannelLayer() });
class ChatConsumer extends core_1.WebsocketConsumer {
    get room() {
        return String(this.scope.url_route?.kwargs.room);
    }
    async connect() {
        await this.groupAdd(this.room);
        await this.accept();
    }
    async receive(text) {
        await this.groupSend(this.room, { type: "chat.message", text: text ?? "" });
    }
    async chat_message(message) {
        await this.send(String(message.text));
    }
}
exports.application = (0, core_1.ProtocolTypeRouter)({
    websocket: (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^chat/(?P<room>\w+)/$`, ChatConsumer.asApp())]),
});
// Tested without a network, as with channels.testing:
async function demo() {
    const client = new core_1.WebsocketCommunicator(exports.application, "/chat/lobby/");
    console.log(await client.connect()); // { connected: true, subprotocol: null, closeCode: null }
    await client.sendTo("hello");
    console.log(await client.receiveFrom()); // hello
    await client.disconnect();
}
void demo();
//# sourceMappingURL=quick-start.js.map