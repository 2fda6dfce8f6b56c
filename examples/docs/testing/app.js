"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = exports.Health = exports.RoomConsumer = void 0;
const core_1 = require("@channels-ts/core");
class RoomConsumer extends core_1.WebsocketConsumer {
    async connect() {
        await this.groupAdd(String(this.scope.url_route?.kwargs.room));
        await this.accept();
    }
    async receive(text) {
        await this.groupSend(String(this.scope.url_route?.kwargs.room), { type: "chat.message", text: text ?? "" });
    }
    async chat_message(message) {
        await this.send(String(message.text));
    }
}
exports.RoomConsumer = RoomConsumer;
class Health extends core_1.HttpConsumer {
    async handle() {
        await this.sendResponse(200, "ok", { headers: { "content-type": "text/plain" } });
    }
}
exports.Health = Health;
exports.application = (0, core_1.ProtocolTypeRouter)({
    http: (0, core_1.URLRouter)([(0, core_1.path)("health/", Health.asApp())]),
    websocket: (0, core_1.URLRouter)([(0, core_1.path)("room/<slug:room>/", RoomConsumer.asApp())]),
});
//# sourceMappingURL=app.js.map