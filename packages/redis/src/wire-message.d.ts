import type { Message } from "@channels-ts/core";
/** The one reserved key channels_redis adds: the destination channel (str) or channels (list). */
export declare const ASGI_CHANNEL_KEY = "__asgi_channel__";
/** A message read off Redis, split into its payload and its destinations. */
export interface WireMessage {
    message: Message;
    /** Channel names from `__asgi_channel__`, or undefined when the key was absent. */
    channels: string | string[] | undefined;
}
/** Thrown by `parseWireMessage` for data that no channels_redis peer writes. */
export declare class MalformedWireMessage extends Error {
}
/**
 * Check a decoded value is a message as channels_redis writes it: a map with a string `type`,
 * an optional `__asgi_channel__` string or list of strings, and no other `__asgi_` key (the
 * namespace is reserved, so an unknown one means a peer we do not understand).
 */
export declare function parseWireMessage(value: unknown): WireMessage;
