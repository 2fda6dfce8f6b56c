"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LAYER_UNAVAILABLE_CLOSE_CODE = void 0;
exports.closeWhileLayerUnavailable = closeWhileLayerUnavailable;
const core_1 = require("@channels-ts/core");
/** RFC 6455 "Try Again Later": the layer reconnects by itself, so a client may retry. */
exports.LAYER_UNAVAILABLE_CLOSE_CODE = 1013;
/**
 * Closes a WebSocket at once, with 1013 and a reason naming the Redis host, while the channel
 * layer says its Redis is unreachable, instead of letting the consumer fail on its first layer
 * call. A layer without an `unavailable` property (the in-memory one) is never unavailable.
 */
function closeWhileLayerUnavailable(inner) {
    return async function closeWhileLayerUnavailable(scope, receive, send) {
        const problem = scope.type === "websocket" ? unavailableHost((0, core_1.getChannelLayer)()) : undefined;
        if (problem === undefined)
            return inner(scope, receive, send);
        await receive(); // websocket.connect
        // Accepted, then closed: a browser sees the code and reason, which a refused handshake (403) hides.
        await send({ type: "websocket.accept" });
        await send({ type: "websocket.close", code: exports.LAYER_UNAVAILABLE_CLOSE_CODE, reason: closeReason(problem) });
    };
}
function unavailableHost(layer) {
    const unavailable = layer !== undefined && "unavailable" in layer ? layer.unavailable : undefined;
    if (!(unavailable instanceof Error))
        return undefined;
    return "host" in unavailable && typeof unavailable.host === "string" ? unavailable.host : "Redis";
}
/** A close reason fits in 123 bytes. */
function closeReason(host) {
    const reason = `Redis ${host} is unreachable; try again later`;
    return Buffer.byteLength(reason) <= 123 ? reason : "Redis is unreachable; try again later";
}
//# sourceMappingURL=layer-availability.js.map