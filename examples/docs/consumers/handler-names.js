"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TypedRoom = exports.Room = void 0;
const core_1 = require("@channels-ts/core");
// #region handlers
class Room extends core_1.WebsocketConsumer {
    async connect() {
        await this.groupAdd("room");
        await this.accept();
    }
    async receive(text) {
        await this.groupSend("room", { type: "chat.message", text: text ?? "" });
        await this.groupSend("room", { type: "user.joined", name: "ada" });
    }
    // "chat.message" -> chat_message (Channels' rule: "." becomes "_")
    async chat_message(message) {
        await this.send(String(message.text));
    }
    // "user.joined" -> user_joined, or, as here, where there is none, userJoined
    async userJoined(message) {
        await this.send(`${String(message.name)} joined`);
    }
}
exports.Room = Room;
class TypedRoom extends core_1.WebsocketConsumer {
    groups = ["room"];
    async receive(text) {
        await this.groupSend("room", { type: "chat.message", text: text ?? "" });
        // await this.groupSend("room", { type: "chat.mesage", text }); // does not compile: unknown type
        // await this.groupSend("room", { type: "chat.typing" });        // does not compile: no `user`
    }
    async chat_message(message) {
        await this.send(message.text);
    }
    // Remove this method and `implements Handlers<ChatMessages>` fails to compile.
    async chat_typing(message) {
        await this.send(`${message.user} is typing`);
    }
}
exports.TypedRoom = TypedRoom;
// #endregion typed
//# sourceMappingURL=handler-names.js.map