import type { HttpDisconnectEvent, HttpRequestEvent } from "../events";
import type { Headers, HttpScope } from "../types";
import { BaseConsumer } from "./base-consumer";
import type { AnyMessages, MessageMap } from "./typed-messages";
export type HeadersInit = Headers | Record<string, string>;
/**
 * Channels' AsyncHttpConsumer. `handle(body)` gets the whole request body and answers with
 * `sendResponse`, or streams with `sendHeaders` + `sendBody(chunk, { more: true })`. The consumer
 * lives until a body chunk is sent without `more`, so layer messages can feed a stream
 * (server-sent events) after `handle` has returned.
 */
export declare class HttpConsumer<M extends MessageMap = AnyMessages> extends BaseConsumer<M, HttpScope> {
    #private;
    /**
     * Largest request body `handle` is given whole (default 2.5 MiB, Django's
     * DATA_UPLOAD_MAX_MEMORY_SIZE). A bigger one is answered 413 without calling `handle`.
     */
    maxBodyBytes: number;
    http_request(event: HttpRequestEvent): Promise<void>;
    http_disconnect(_event: HttpDisconnectEvent): Promise<void>;
    /** Answers the request; `body` is the whole request body. */
    handle(_body: Uint8Array): Promise<void>;
    /** Called when the client goes away before the response ended. */
    disconnect(): Promise<void>;
    sendHeaders(status?: number, headers?: HeadersInit): Promise<void>;
    /** Sends a body chunk; without `more`, it is the last one and the consumer ends after this handler. */
    sendBody(body: string | Uint8Array, options?: {
        more?: boolean;
    }): Promise<void>;
    sendResponse(status: number, body: string | Uint8Array, options?: {
        headers?: HeadersInit;
    }): Promise<void>;
}
