"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonWebsocketConsumer = exports.UNSUPPORTED_DATA_CLOSE_CODE = exports.INVALID_JSON_CLOSE_CODE = void 0;
const websocket_consumer_1 = require("./websocket-consumer");
const handler_name_1 = require("./handler-name");
/** Close code for a text frame that is not valid JSON (RFC 6455: inconsistent data). */
exports.INVALID_JSON_CLOSE_CODE = 1007;
/** Close code for a binary frame sent to a JSON consumer (RFC 6455: unsupported data). */
exports.UNSUPPORTED_DATA_CLOSE_CODE = 1003;
/**
 * Channels' JsonWebsocketConsumer: text frames are decoded as JSON for `receiveJson`, and
 * `sendJson` encodes. Bad input closes that one socket (1007 / 1003) instead of failing the consumer.
 */
class JsonWebsocketConsumer extends websocket_consumer_1.WebsocketConsumer {
    async receive(text, bytes) {
        if (text === undefined) {
            await this.onBinaryFrame(bytes ?? new Uint8Array());
            return;
        }
        let content;
        try {
            content = this.decodeJson(text);
        }
        catch (error) {
            await this.onInvalidJson(text, error);
            return;
        }
        await this.receiveJson(content);
    }
    /** One decoded JSON value from the client. */
    async receiveJson(_content) { }
    /** Sends `content` encoded with `encodeJson`; `close` as in `send`. */
    sendJson(content, close = false) {
        let text;
        try {
            text = this.encodeJson(content);
        }
        catch (error) {
            return Promise.reject(error);
        }
        return this.send(text, close);
    }
    decodeJson(text) {
        return JSON.parse(text);
    }
    encodeJson(content) {
        return JSON.stringify(content);
    }
    /** A text frame that `decodeJson` rejected; closes with 1007 by default. */
    async onInvalidJson(_text, _error) {
        await this.close(exports.INVALID_JSON_CLOSE_CODE, "invalid JSON");
    }
    /** A binary frame; JSON travels as text, so this closes with 1003 by default. */
    async onBinaryFrame(_bytes) {
        await this.close(exports.UNSUPPORTED_DATA_CLOSE_CODE, "binary frames are not supported; send JSON text");
    }
}
exports.JsonWebsocketConsumer = JsonWebsocketConsumer;
(0, handler_name_1.reserveFrameworkNames)(JsonWebsocketConsumer.prototype);
//# sourceMappingURL=json-websocket-consumer.js.map