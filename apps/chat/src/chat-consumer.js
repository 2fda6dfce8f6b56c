"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatConsumer = void 0;
const core_1 = require("@channels-ts/core");
const layer_kit_1 = require("@channels-ts/core/layer-kit");
/**
 * The group chat consumer of the original Channels tutorial, kept faithful so that it can share
 * rooms with the tutorial's Django app on one Redis: same group name (the URL's `group`), same
 * group message shape, same handler.
 *
 * Where the original misbehaves, this one does better:
 * - a binary frame is relayed as bytes (the original's handler reads `message.text` and fails
 *   with 1011 for every member of the room);
 * - a room name the channel layer cannot take is refused at the handshake (the original accepts,
 *   then fails with 1011).
 */
class ChatConsumer extends core_1.WebsocketConsumer {
    /** The room: the URL's `group`, read once at the handshake. */
    group = "";
    async websocket_connect(_event) {
        this.group = String(this.scope.url_route?.kwargs.group ?? "");
        try {
            (0, layer_kit_1.validateGroupName)(this.group);
        }
        catch {
            await this.close(); // before accept: the handshake is refused (HTTP 403)
            return;
        }
        await this.accept();
        await this.channelLayer.groupAdd(this.group, this.channelName);
    }
    async websocket_receive(event) {
        // The type is "xx_oo", not a dotted name, because the tutorial's Django consumer sends and
        // handles exactly that: Python and TypeScript members of one room must understand each other.
        // The client frame travels whole, as the tutorial does: `{ type: "websocket.receive", text }`
        // (or `bytes` for a binary frame).
        const frame = typeof event.text === "string"
            ? { type: "websocket.receive", text: event.text }
            : { type: "websocket.receive", bytes: event.bytes };
        await this.channelLayer.groupSend(this.group, { type: "xx_oo", message: frame });
    }
    async xx_oo(event) {
        const frame = event.message;
        if (frame !== undefined && typeof frame.text === "string")
            await this.send(frame.text);
        else if (frame !== undefined && frame.bytes instanceof Uint8Array)
            await this.send(frame.bytes);
        // Anything else (a foreign peer's malformed message) is ignored rather than closing this socket.
    }
    async websocket_disconnect(_event) {
        if (this.channelName !== undefined && this.channelLayer !== undefined) {
            await this.channelLayer.groupDiscard(this.group, this.channelName).catch(() => undefined);
        }
        throw new core_1.StopConsumer();
    }
}
exports.ChatConsumer = ChatConsumer;
//# sourceMappingURL=chat-consumer.js.map