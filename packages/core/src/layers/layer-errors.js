"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidLayerOption = exports.ChannelLayerClosed = exports.ChannelReceiveAborted = void 0;
const errors_1 = require("../errors");
/**
 * A pending `receive()` that the layer itself ended: its channel was discarded or the layer
 * closed. Named "AbortError", like the rejection of an aborted signal, so a receive loop can
 * treat every cancellation the same way; `code` says which it was.
 */
class ChannelReceiveAborted extends errors_1.ChannelsError {
    channel;
    constructor(channel, cause) {
        super(cause === "discarded" ? errors_1.ErrorCode.CHANNEL_DISCARDED : errors_1.ErrorCode.CHANNEL_LAYER_CLOSED, cause === "discarded"
            ? `receive() on channel ${JSON.stringify(channel)} was cancelled because discardChannel() removed the channel.`
            : `receive() on channel ${JSON.stringify(channel)} was cancelled because the channel layer was closed.`, { closeCode: 1001 });
        this.name = "AbortError";
        this.channel = channel;
    }
}
exports.ChannelReceiveAborted = ChannelReceiveAborted;
/** A layer operation after `close()`. */
class ChannelLayerClosed extends errors_1.ChannelsError {
    constructor(operation) {
        super(errors_1.ErrorCode.CHANNEL_LAYER_CLOSED, `Cannot ${operation}() on a closed channel layer; create a new layer (or configure channelLayers again) after close().`, { closeCode: 1001 });
    }
}
exports.ChannelLayerClosed = ChannelLayerClosed;
/** A channel layer option with a value the layer cannot use. */
class InvalidLayerOption extends errors_1.ChannelsError {
    option;
    constructor(option, value, expected) {
        super(errors_1.ErrorCode.INVALID_LAYER_OPTION, `Invalid channel layer option ${option}: ${describeOption(value)}; expected ${expected}.`);
        this.option = option;
    }
}
exports.InvalidLayerOption = InvalidLayerOption;
function describeOption(value) {
    if (typeof value === "string")
        return JSON.stringify(value);
    if (typeof value === "number" || typeof value === "boolean" || value == null)
        return String(value);
    if (value instanceof RegExp)
        return String(value);
    if (Array.isArray(value))
        return "an array";
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
//# sourceMappingURL=layer-errors.js.map