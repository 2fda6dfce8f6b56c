import { ErrorCode } from "./error-codes";
export { ErrorCode } from "./error-codes";
/**
 * Every error channels-ts throws on purpose is a `ChannelsError`: a stable `code` to branch on,
 * a message that names the offending value and the fix, and, where a WebSocket is involved,
 * the close code the server uses for it.
 */
export declare class ChannelsError extends Error {
    /** Stable identifier from `ErrorCode`, e.g. "ROUTE_NOT_FOUND"; safe to compare against. */
    readonly code: ErrorCode;
    /** WebSocket close code a server uses when this error ends a connection. */
    readonly closeCode: number;
    constructor(code: ErrorCode, message: string, options?: {
        closeCode?: number;
        cause?: unknown;
    });
}
/** Thrown (by a consumer or the framework) to end a consumer cleanly: not an error to log. */
export declare class StopConsumer extends ChannelsError {
    constructor(message?: string);
}
/** Thrown from `connect()` to accept the WebSocket handshake. */
export declare class AcceptConnection extends ChannelsError {
    constructor(message?: string);
}
/** Thrown from `connect()` to deny the WebSocket handshake (HTTP 403). */
export declare class DenyConnection extends ChannelsError {
    constructor(message?: string);
}
/** No route matched the path; the server answers HTTP 404 or refuses the handshake. */
export declare class RouteNotFound extends ChannelsError {
    readonly path: string;
    constructor(path: string, message?: string);
}
/** `send()` to a channel that already holds `capacity` messages. */
export declare class ChannelFull extends ChannelsError {
    readonly channel: string;
    constructor(channel: string, capacity: number);
}
/** A message whose `type` has no handler, or names a handler that must not be called. */
export declare class HandlerNotFound extends ChannelsError {
    readonly messageType: string;
    constructor(messageType: string, message: string);
}
/** A layer operation was asked of a consumer or process that has no channel layer configured. */
export declare class ChannelLayerMissing extends ChannelsError {
    constructor(alias: string);
}
/** A consumer received something out of protocol order (e.g. send before accept). */
export declare class ProtocolError extends ChannelsError {
    constructor(message: string, closeCode?: number);
}
/** A wait in the test kit ran out: names what was awaited and how long. */
export declare class CommunicatorTimeout extends ChannelsError {
    constructor(what: string, ms: number);
}
