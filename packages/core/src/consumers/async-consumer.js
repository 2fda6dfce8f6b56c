"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AsyncConsumer = void 0;
const base_consumer_1 = require("./base-consumer");
const handler_name_1 = require("./handler-name");
/**
 * Channels' AsyncConsumer: handlers named after message types, and `send` for raw ASGI messages
 * to the client. Subclass it for protocols without a generic consumer (workers, custom events).
 */
class AsyncConsumer extends base_consumer_1.BaseConsumer {
    /** Sends a raw ASGI event (`{ type: "websocket.send", text }`, ...) to the server. */
    send(event) {
        return this.baseSend(event);
    }
}
exports.AsyncConsumer = AsyncConsumer;
(0, handler_name_1.reserveFrameworkNames)(AsyncConsumer.prototype);
//# sourceMappingURL=async-consumer.js.map