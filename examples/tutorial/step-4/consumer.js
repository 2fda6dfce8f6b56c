"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatConsumer = void 0;
const core_1 = require("@channels-ts/core");
/** Step 3: every frame goes to every member of the room's group, through the channel layer. */
class ChatConsumer extends core_1.WebsocketConsumer {
    get group() {
        return String(this.scope.url_route?.kwargs.group);
    }
    async websocket_connect(_message) {
        await this.accept();
        await this.channelLayer.groupAdd(this.group, this.channelName);
    }
    async websocket_receive(message) {
        await this.channelLayer.groupSend(this.group, { type: "xx_oo", message });
    }
    // A group message of type "xx_oo" (or "xx.oo") calls this method, in every member.
    async xx_oo(event) {
        const frame = event.message;
        await this.send(String(frame.text));
    }
    async websocket_disconnect(_message) {
        await this.channelLayer.groupDiscard(this.group, this.channelName);
        throw new core_1.StopConsumer();
    }
}
exports.ChatConsumer = ChatConsumer;
//# sourceMappingURL=consumer.js.map