"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebsocketConsumer = void 0;
const errors_1 = require("../errors");
const base_consumer_1 = require("./base-consumer");
const handler_name_1 = require("./handler-name");
/**
 * Channels' (Async)WebsocketConsumer. Override `connect`, `receive` and `disconnect`; or, as the
 * original tutorial does, the low-level `websocket_connect` / `websocket_receive` /
 * `websocket_disconnect` handlers (throwing `StopConsumer` to end).
 */
class WebsocketConsumer extends base_consumer_1.BaseConsumer {
    /** Groups joined before `connect()` and left after `disconnect()`. */
    groups = [];
    async websocket_connect(_event) {
        for (const group of this.groups)
            await this.groupAdd(group);
        try {
            await this.connect();
        }
        catch (error) {
            if (error instanceof errors_1.AcceptConnection)
                await this.accept();
            else if (error instanceof errors_1.DenyConnection)
                await this.close();
            else
                throw error;
        }
    }
    /** Called on the handshake; accepts by default. Close (or throw DenyConnection) to refuse: HTTP 403. */
    async connect() {
        await this.accept();
    }
    /** Completes the handshake, optionally choosing one of `scope.subprotocols` and adding headers. */
    async accept(subprotocol = null, headers) {
        const event = { type: "websocket.accept", subprotocol };
        if (headers !== undefined)
            event.headers = headers;
        await this.baseSend(event);
    }
    async websocket_receive(event) {
        // Checked at run time too: a layer message can carry this type with any keys.
        if (typeof event.text === "string")
            await this.receive(event.text, undefined);
        else
            await this.receive(undefined, event.bytes instanceof Uint8Array ? event.bytes : undefined);
    }
    /** One frame from the client: `text` for a text frame, `bytes` for a binary one. */
    async receive(_text, _bytes) { }
    /** Sends a text (string) or binary (Uint8Array) frame; `close` true or a code closes after it. */
    send(data, close = false) {
        // Not `async`: on the hot path the server's own promise is returned as it is.
        const sent = this.baseSend(typeof data === "string" ? { type: "websocket.send", text: data } : { type: "websocket.send", bytes: data });
        return close === false ? sent : sent.then(() => this.close(close === true ? undefined : close));
    }
    /** Closes the socket; before `accept()` this refuses the handshake (HTTP 403). */
    async close(code, reason) {
        const event = { type: "websocket.close" };
        if (code !== undefined)
            event.code = code;
        if (reason !== undefined)
            event.reason = reason;
        await this.baseSend(event);
    }
    async websocket_disconnect(event) {
        if (this.channelLayer !== undefined) {
            for (const group of this.groups)
                await this.groupDiscard(group);
        }
        await this.disconnect(typeof event.code === "number" ? event.code : 1005);
        throw new errors_1.StopConsumer();
    }
    /** Called once the socket is closed, with its close code. */
    async disconnect(_code) { }
}
exports.WebsocketConsumer = WebsocketConsumer;
(0, handler_name_1.reserveFrameworkNames)(WebsocketConsumer.prototype, ["websocket_connect", "websocket_receive", "websocket_disconnect"]);
//# sourceMappingURL=websocket-consumer.js.map