import { ChannelsError } from "../errors";
/** `ProtocolTypeRouter` got a scope whose `type` it has no application for. */
export declare class UnknownProtocolType extends ChannelsError {
    readonly scopeType: unknown;
    constructor(scopeType: unknown, configured: readonly string[]);
}
/** `ChannelNameRouter` got a `channel` scope for a channel it has no application for. */
export declare class UnknownChannelName extends ChannelsError {
    readonly channel: unknown;
    constructor(channel: unknown, configured: readonly string[]);
}
/** A router was handed a scope without the key it routes on (`path`, `channel`). */
export declare class ScopeKeyMissing extends ChannelsError {
    readonly key: string;
    constructor(router: string, key: string, scopeType: unknown, hint: string);
}
/**
 * A route that can never work: unknown converter, bad parameter name, invalid regular
 * expression, leading slash. Thrown by `path()` / `rePath()` / `registerConverter()`, so a
 * broken routing table fails at startup rather than as a 404 on the first connection.
 */
export declare class InvalidRoute extends ChannelsError {
    readonly route: string;
    constructor(route: string, problem: string, options?: {
        cause?: unknown;
    });
}
/** A router or route was given something that is not an application. */
export declare class NotAnApplication extends ChannelsError {
    constructor(where: string, given: string, fix: string);
}
