import type { AnyMessages, MessageMap } from "./typed-messages";
import { WebsocketConsumer } from "./websocket-consumer";
/** Close code for a text frame that is not valid JSON (RFC 6455: inconsistent data). */
export declare const INVALID_JSON_CLOSE_CODE = 1007;
/** Close code for a binary frame sent to a JSON consumer (RFC 6455: unsupported data). */
export declare const UNSUPPORTED_DATA_CLOSE_CODE = 1003;
/**
 * Channels' JsonWebsocketConsumer: text frames are decoded as JSON for `receiveJson`, and
 * `sendJson` encodes. Bad input closes that one socket (1007 / 1003) instead of failing the consumer.
 */
export declare class JsonWebsocketConsumer<M extends MessageMap = AnyMessages> extends WebsocketConsumer<M> {
    receive(text?: string, bytes?: Uint8Array): Promise<void>;
    /** One decoded JSON value from the client. */
    receiveJson(_content: unknown): Promise<void>;
    /** Sends `content` encoded with `encodeJson`; `close` as in `send`. */
    sendJson(content: unknown, close?: boolean | number): Promise<void>;
    decodeJson(text: string): unknown;
    encodeJson(content: unknown): string;
    /** A text frame that `decodeJson` rejected; closes with 1007 by default. */
    onInvalidJson(_text: string, _error: unknown): Promise<void>;
    /** A binary frame; JSON travels as text, so this closes with 1003 by default. */
    onBinaryFrame(_bytes: Uint8Array): Promise<void>;
}
