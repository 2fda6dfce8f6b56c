"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommunicatorTimeout = exports.ProtocolError = exports.ChannelLayerMissing = exports.HandlerNotFound = exports.ChannelFull = exports.RouteNotFound = exports.DenyConnection = exports.AcceptConnection = exports.StopConsumer = exports.ChannelsError = exports.ErrorCode = void 0;
const error_codes_1 = require("./error-codes");
var error_codes_2 = require("./error-codes");
Object.defineProperty(exports, "ErrorCode", { enumerable: true, get: function () { return error_codes_2.ErrorCode; } });
/**
 * Every error channels-ts throws on purpose is a `ChannelsError`: a stable `code` to branch on,
 * a message that names the offending value and the fix, and, where a WebSocket is involved,
 * the close code the server uses for it.
 */
class ChannelsError extends Error {
    /** Stable identifier from `ErrorCode`, e.g. "ROUTE_NOT_FOUND"; safe to compare against. */
    code;
    /** WebSocket close code a server uses when this error ends a connection. */
    closeCode;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.code = code;
        this.closeCode = options.closeCode ?? 1011;
    }
}
exports.ChannelsError = ChannelsError;
/** Thrown (by a consumer or the framework) to end a consumer cleanly: not an error to log. */
class StopConsumer extends ChannelsError {
    constructor(message = "consumer stopped") {
        super(error_codes_1.ErrorCode.STOP_CONSUMER, message, { closeCode: 1000 });
    }
}
exports.StopConsumer = StopConsumer;
/** Thrown from `connect()` to accept the WebSocket handshake. */
class AcceptConnection extends ChannelsError {
    constructor(message = "connection accepted") {
        super(error_codes_1.ErrorCode.ACCEPT_CONNECTION, message, { closeCode: 1000 });
    }
}
exports.AcceptConnection = AcceptConnection;
/** Thrown from `connect()` to deny the WebSocket handshake (HTTP 403). */
class DenyConnection extends ChannelsError {
    constructor(message = "connection denied") {
        super(error_codes_1.ErrorCode.DENY_CONNECTION, message, { closeCode: 1008 });
    }
}
exports.DenyConnection = DenyConnection;
/** No route matched the path; the server answers HTTP 404 or refuses the handshake. */
class RouteNotFound extends ChannelsError {
    path;
    constructor(path, message = `No route found for path ${JSON.stringify(path)}.`) {
        super(error_codes_1.ErrorCode.ROUTE_NOT_FOUND, message, { closeCode: 1008 });
        this.path = path;
    }
}
exports.RouteNotFound = RouteNotFound;
/** `send()` to a channel that already holds `capacity` messages. */
class ChannelFull extends ChannelsError {
    channel;
    constructor(channel, capacity) {
        super(error_codes_1.ErrorCode.CHANNEL_FULL, `Channel ${JSON.stringify(channel)} is full (capacity ${capacity}); ` +
            "its receiver is not keeping up: raise capacity/channelCapacity or send less.");
        this.channel = channel;
    }
}
exports.ChannelFull = ChannelFull;
/** A message whose `type` has no handler, or names a handler that must not be called. */
class HandlerNotFound extends ChannelsError {
    messageType;
    constructor(messageType, message) {
        super(error_codes_1.ErrorCode.HANDLER_NOT_FOUND, message);
        this.messageType = messageType;
    }
}
exports.HandlerNotFound = HandlerNotFound;
/** A layer operation was asked of a consumer or process that has no channel layer configured. */
class ChannelLayerMissing extends ChannelsError {
    constructor(alias) {
        super(error_codes_1.ErrorCode.CHANNEL_LAYER_MISSING, `No channel layer is configured for alias ${JSON.stringify(alias)}; ` +
            `call channelLayers.configure({ ${JSON.stringify(alias)}: new InMemoryChannelLayer() }) at startup.`);
    }
}
exports.ChannelLayerMissing = ChannelLayerMissing;
/** A consumer received something out of protocol order (e.g. send before accept). */
class ProtocolError extends ChannelsError {
    constructor(message, closeCode = 1011) {
        super(error_codes_1.ErrorCode.PROTOCOL_ERROR, message, { closeCode });
    }
}
exports.ProtocolError = ProtocolError;
/** A wait in the test kit ran out: names what was awaited and how long. */
class CommunicatorTimeout extends ChannelsError {
    constructor(what, ms) {
        super(error_codes_1.ErrorCode.COMMUNICATOR_TIMEOUT, `Timed out after ${ms} ms waiting for ${what}.`);
    }
}
exports.CommunicatorTimeout = CommunicatorTimeout;
//# sourceMappingURL=errors.js.map