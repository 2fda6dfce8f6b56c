import { ChannelsError } from "@channels-ts/core";
/**
 * A layer operation gave up on a Redis host: either the host has not been reached since the
 * layer started (`downForMs` undefined: operations fail at once rather than wait for a Redis
 * that may not exist), or it stayed unreachable for `operationTimeoutMs` after an outage. Until
 * the host is back, further operations that need it fail at once with this error rather than
 * queueing behind a connection that may never return. The layer keeps reconnecting meanwhile.
 */
export declare class RedisHostUnavailable extends ChannelsError {
    readonly host: string;
    /** How long the host had been down when the layer gave up on it; undefined if it was never reached. */
    readonly downForMs: number | undefined;
    constructor(host: string, downForMs: number | undefined, cause?: Error);
}
