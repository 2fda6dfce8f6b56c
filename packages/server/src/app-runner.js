"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMPTY = void 0;
exports.runApplication = runApplication;
exports.superviseApplication = superviseApplication;
exports.isRouteNotFound = isRouteNotFound;
exports.isStopConsumer = isStopConsumer;
exports.closeCodeFor = closeCodeFor;
exports.toBytes = toBytes;
exports.typeOf = typeOf;
const core_1 = require("@channels-ts/core");
const close_codes_1 = require("./close-codes");
/** Runs an application so that a synchronous throw becomes a rejection like any other. */
function runApplication(app, scope, receive, send) {
    try {
        return Promise.resolve(app(scope, receive, send));
    }
    catch (err) {
        return Promise.reject(err);
    }
}
/**
 * Runs the application and calls `onEnd` once it settles (with what it threw, or undefined).
 * Anything `onEnd` itself throws (a server bug, a logger that throws) goes to `onFault`: in a
 * promise callback it would otherwise be an unhandled rejection, which ends the process and
 * every other connection with it.
 */
function superviseApplication(app, scope, receive, send, onEnd, onFault) {
    runApplication(app, scope, receive, send)
        .then(() => onEnd(undefined), onEnd)
        .catch((fault) => {
        try {
            onFault(fault);
        }
        catch {
            // Nothing is left to report to; staying alive matters more.
        }
    });
}
function codeOf(err) {
    return typeof err === "object" && err !== null ? err.code : undefined;
}
/** By code as well as class, so that a second copy of core (another version) is still recognised. */
function isRouteNotFound(err) {
    return err instanceof core_1.RouteNotFound || codeOf(err) === core_1.ErrorCode.ROUTE_NOT_FOUND;
}
/** `StopConsumer` escaping to the server is a clean end, not an error. */
function isStopConsumer(err) {
    return codeOf(err) === core_1.ErrorCode.STOP_CONSUMER;
}
/**
 * Close code for a WebSocket ended by `err`: the ChannelsError's own if a server may send it,
 * else 1011 (internal error). An error class can carry any number, and `ws` throws on a
 * reserved code such as 1006, so the code is checked here, once, for every caller.
 */
function closeCodeFor(err) {
    return err instanceof core_1.ChannelsError && (0, close_codes_1.isSendableCloseCode)(err.closeCode) ? err.closeCode : 1011;
}
/** Body bytes of an `http.response.body` / `websocket.send` value; strings are UTF-8 encoded. */
function toBytes(value, what) {
    if (value instanceof Uint8Array)
        return value;
    if (typeof value === "string")
        return Buffer.from(value);
    throw new TypeError(`${what} must be a Uint8Array (or string), got ${typeof value}.`);
}
exports.EMPTY = new Uint8Array(0);
/** `{ type }` of what an application sent, for error texts; safe on anything a JavaScript application can send. */
function typeOf(event) {
    if (event === null || typeof event !== "object")
        return String(event);
    return JSON.stringify("type" in event ? event.type : undefined);
}
//# sourceMappingURL=app-runner.js.map