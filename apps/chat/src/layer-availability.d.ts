import { type Application } from "@channels-ts/core";
/** RFC 6455 "Try Again Later": the layer reconnects by itself, so a client may retry. */
export declare const LAYER_UNAVAILABLE_CLOSE_CODE = 1013;
/**
 * Closes a WebSocket at once, with 1013 and a reason naming the Redis host, while the channel
 * layer says its Redis is unreachable, instead of letting the consumer fail on its first layer
 * call. A layer without an `unavailable` property (the in-memory one) is never unavailable.
 */
export declare function closeWhileLayerUnavailable(inner: Application): Application;
