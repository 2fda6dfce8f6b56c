/**
 * Every `code` a `ChannelsError` can carry, in one table, so that a code is a name the compiler
 * knows (`err.code === ErrorCode.ROUTE_NOT_FOUND`) rather than a string to keep in step by hand.
 * The core README lists each one with its class, package, cause and close code / HTTP status.
 * Codes are part of the public API: they are only ever added, never renamed.
 */
export declare const ErrorCode: {
    readonly STOP_CONSUMER: "STOP_CONSUMER";
    readonly ACCEPT_CONNECTION: "ACCEPT_CONNECTION";
    readonly DENY_CONNECTION: "DENY_CONNECTION";
    readonly ROUTE_NOT_FOUND: "ROUTE_NOT_FOUND";
    readonly UNKNOWN_PROTOCOL_TYPE: "UNKNOWN_PROTOCOL_TYPE";
    readonly UNKNOWN_CHANNEL_NAME: "UNKNOWN_CHANNEL_NAME";
    readonly SCOPE_KEY_MISSING: "SCOPE_KEY_MISSING";
    readonly INVALID_ROUTE: "INVALID_ROUTE";
    readonly NOT_AN_APPLICATION: "NOT_AN_APPLICATION";
    readonly HANDLER_NOT_FOUND: "HANDLER_NOT_FOUND";
    readonly PROTOCOL_ERROR: "PROTOCOL_ERROR";
    readonly NOT_IMPLEMENTED: "NOT_IMPLEMENTED";
    readonly CHANNEL_FULL: "CHANNEL_FULL";
    readonly CHANNEL_LAYER_MISSING: "CHANNEL_LAYER_MISSING";
    readonly CHANNEL_LAYER_CLOSED: "CHANNEL_LAYER_CLOSED";
    readonly CHANNEL_DISCARDED: "CHANNEL_DISCARDED";
    readonly INVALID_LAYER_OPTION: "INVALID_LAYER_OPTION";
    readonly INVALID_CHANNEL_LAYER_CONFIG: "INVALID_CHANNEL_LAYER_CONFIG";
    readonly MIDDLEWARE_CONFIG: "MIDDLEWARE_CONFIG";
    readonly INVALID_COOKIE: "INVALID_COOKIE";
    readonly WORKER_STOPPED: "WORKER_STOPPED";
    readonly WORKER_NO_CHANNELS: "WORKER_NO_CHANNELS";
    readonly WORKER_SPECIFIC_CHANNEL: "WORKER_SPECIFIC_CHANNEL";
    readonly WORKER_SEND: "WORKER_SEND";
    readonly COMMUNICATOR_TIMEOUT: "COMMUNICATOR_TIMEOUT";
    readonly UNEXPECTED_MESSAGE: "UNEXPECTED_MESSAGE";
    readonly APPLICATION_CANCELLED: "APPLICATION_CANCELLED";
    readonly APPLICATION_ENDED: "APPLICATION_ENDED";
    readonly INVALID_SERVER_OPTION: "INVALID_SERVER_OPTION";
    readonly LIFESPAN_STARTUP_FAILED: "LIFESPAN_STARTUP_FAILED";
    readonly APPLICATION_LOAD_FAILED: "APPLICATION_LOAD_FAILED";
    readonly PORT_IN_USE: "PORT_IN_USE";
    readonly LISTEN_FAILED: "LISTEN_FAILED";
    readonly USAGE_ERROR: "USAGE_ERROR";
    readonly TYPESCRIPT_LOADER_MISSING: "TYPESCRIPT_LOADER_MISSING";
    readonly REDIS_HOST_UNAVAILABLE: "REDIS_HOST_UNAVAILABLE";
    readonly INVALID_TOKEN: "INVALID_TOKEN";
    readonly INVALID_ENVIRONMENT: "INVALID_ENVIRONMENT";
};
/** One of the codes in `ErrorCode`. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
