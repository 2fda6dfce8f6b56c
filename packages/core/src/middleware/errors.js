"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidCookie = exports.MiddlewareConfigError = void 0;
const errors_1 = require("../errors");
/**
 * A middleware was given options it cannot work with, or was stacked in an order where a
 * key it needs (`cookies`, `session`) is missing from the scope. Thrown at construction
 * where possible, so a misconfigured stack fails at startup rather than on first request.
 */
class MiddlewareConfigError extends errors_1.ChannelsError {
    constructor(message) {
        super(errors_1.ErrorCode.MIDDLEWARE_CONFIG, message);
    }
}
exports.MiddlewareConfigError = MiddlewareConfigError;
/** A cookie name or attribute that would produce a malformed or injectable Set-Cookie header. */
class InvalidCookie extends errors_1.ChannelsError {
    constructor(message) {
        super(errors_1.ErrorCode.INVALID_COOKIE, message);
    }
}
exports.InvalidCookie = InvalidCookie;
//# sourceMappingURL=errors.js.map