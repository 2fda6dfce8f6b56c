"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ErrorCode = void 0;
/**
 * Every `code` a `ChannelsError` can carry, in one table, so that a code is a name the compiler
 * knows (`err.code === ErrorCode.ROUTE_NOT_FOUND`) rather than a string to keep in step by hand.
 * The core README lists each one with its class, package, cause and close code / HTTP status.
 * Codes are part of the public API: they are only ever added, never renamed.
 */
exports.ErrorCode = {
    // Consumer control flow (core)
    STOP_CONSUMER: "STOP_CONSUMER",
    ACCEPT_CONNECTION: "ACCEPT_CONNECTION",
    DENY_CONNECTION: "DENY_CONNECTION",
    // Routing (core)
    ROUTE_NOT_FOUND: "ROUTE_NOT_FOUND",
    UNKNOWN_PROTOCOL_TYPE: "UNKNOWN_PROTOCOL_TYPE",
    UNKNOWN_CHANNEL_NAME: "UNKNOWN_CHANNEL_NAME",
    SCOPE_KEY_MISSING: "SCOPE_KEY_MISSING",
    INVALID_ROUTE: "INVALID_ROUTE",
    NOT_AN_APPLICATION: "NOT_AN_APPLICATION",
    // Consumers (core)
    HANDLER_NOT_FOUND: "HANDLER_NOT_FOUND",
    PROTOCOL_ERROR: "PROTOCOL_ERROR",
    NOT_IMPLEMENTED: "NOT_IMPLEMENTED",
    // Channel layers (core)
    CHANNEL_FULL: "CHANNEL_FULL",
    CHANNEL_LAYER_MISSING: "CHANNEL_LAYER_MISSING",
    CHANNEL_LAYER_CLOSED: "CHANNEL_LAYER_CLOSED",
    CHANNEL_DISCARDED: "CHANNEL_DISCARDED",
    INVALID_LAYER_OPTION: "INVALID_LAYER_OPTION",
    INVALID_CHANNEL_LAYER_CONFIG: "INVALID_CHANNEL_LAYER_CONFIG",
    // Middleware (core)
    MIDDLEWARE_CONFIG: "MIDDLEWARE_CONFIG",
    INVALID_COOKIE: "INVALID_COOKIE",
    // Worker (core)
    WORKER_STOPPED: "WORKER_STOPPED",
    WORKER_NO_CHANNELS: "WORKER_NO_CHANNELS",
    WORKER_SPECIFIC_CHANNEL: "WORKER_SPECIFIC_CHANNEL",
    WORKER_SEND: "WORKER_SEND",
    // Test kit (core)
    COMMUNICATOR_TIMEOUT: "COMMUNICATOR_TIMEOUT",
    UNEXPECTED_MESSAGE: "UNEXPECTED_MESSAGE",
    APPLICATION_CANCELLED: "APPLICATION_CANCELLED",
    APPLICATION_ENDED: "APPLICATION_ENDED",
    // Server and CLI (server)
    INVALID_SERVER_OPTION: "INVALID_SERVER_OPTION",
    LIFESPAN_STARTUP_FAILED: "LIFESPAN_STARTUP_FAILED",
    APPLICATION_LOAD_FAILED: "APPLICATION_LOAD_FAILED",
    PORT_IN_USE: "PORT_IN_USE",
    LISTEN_FAILED: "LISTEN_FAILED",
    USAGE_ERROR: "USAGE_ERROR",
    TYPESCRIPT_LOADER_MISSING: "TYPESCRIPT_LOADER_MISSING",
    // Redis layers (redis)
    REDIS_HOST_UNAVAILABLE: "REDIS_HOST_UNAVAILABLE",
    INVALID_TOKEN: "INVALID_TOKEN",
    // Applications built on channels-ts (the chat demo's startup checks)
    INVALID_ENVIRONMENT: "INVALID_ENVIRONMENT",
};
//# sourceMappingURL=error-codes.js.map