import { ChannelsError } from "../errors";
/**
 * A pending `receive()` that the layer itself ended: its channel was discarded or the layer
 * closed. Named "AbortError", like the rejection of an aborted signal, so a receive loop can
 * treat every cancellation the same way; `code` says which it was.
 */
export declare class ChannelReceiveAborted extends ChannelsError {
    readonly channel: string;
    constructor(channel: string, cause: "discarded" | "closed");
}
/** A layer operation after `close()`. */
export declare class ChannelLayerClosed extends ChannelsError {
    constructor(operation: string);
}
/** A channel layer option with a value the layer cannot use. */
export declare class InvalidLayerOption extends ChannelsError {
    readonly option: string;
    constructor(option: string, value: unknown, expected: string);
}
