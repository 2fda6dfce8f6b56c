"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EchoConsumer = void 0;
const core_1 = require("@channels-ts/core");
// #region websocket
class EchoConsumer extends core_1.WebsocketConsumer {
    groups = ["broadcast"]; // joined before connect(), left after disconnect()
    async connect() {
        const token = new URLSearchParams(this.scope.query_string).get("token");
        if (token === null)
            throw new core_1.DenyConnection(); // refuses the handshake: HTTP 403
        // Choose a subprotocol the client offered, if any.
        await this.accept(this.scope.subprotocols.includes("chat.v1") ? "chat.v1" : null);
    }
    async receive(text, bytes) {
        if (text === "bye")
            await this.send("goodbye", 4000); // send, then close with 4000
        else if (text !== undefined)
            await this.send(text);
        else if (bytes !== undefined)
            await this.send(bytes);
    }
    async disconnect(code) {
        if (code !== 1000)
            console.warn(`socket closed with ${code}`); // 1006: the connection was lost
    }
}
exports.EchoConsumer = EchoConsumer;
// #endregion websocket
//# sourceMappingURL=websocket-consumer.js.map