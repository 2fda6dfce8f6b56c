import { ChannelsError } from "../errors";
/**
 * A middleware was given options it cannot work with, or was stacked in an order where a
 * key it needs (`cookies`, `session`) is missing from the scope. Thrown at construction
 * where possible, so a misconfigured stack fails at startup rather than on first request.
 */
export declare class MiddlewareConfigError extends ChannelsError {
    constructor(message: string);
}
/** A cookie name or attribute that would produce a malformed or injectable Set-Cookie header. */
export declare class InvalidCookie extends ChannelsError {
    constructor(message: string);
}
