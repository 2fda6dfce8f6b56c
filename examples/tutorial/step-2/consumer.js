"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatConsumer = void 0;
const core_1 = require("@channels-ts/core");
/** Step 2: every frame goes back to the client that sent it. */
class ChatConsumer extends core_1.WebsocketConsumer {
    async websocket_connect(_message) {
        await this.accept();
    }
    async websocket_receive(message) {
        await this.send(String(message.text));
    }
    async websocket_disconnect(_message) {
        throw new core_1.StopConsumer();
    }
}
exports.ChatConsumer = ChatConsumer;
//# sourceMappingURL=consumer.js.map