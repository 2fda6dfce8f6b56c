import { ChannelsError, ErrorCode, StopConsumer } from "../errors";
import type { HttpDisconnectEvent, HttpRequestEvent } from "../events";
import type { Headers, HttpScope } from "../types";
import { BaseConsumer } from "./base-consumer";
import { reserveFrameworkNames } from "./handler-name";
import type { AnyMessages, MessageMap } from "./typed-messages";

export type HeadersInit = Headers | Record<string, string>;

/**
 * Channels' AsyncHttpConsumer. `handle(body)` gets the whole request body and answers with
 * `sendResponse`, or streams with `sendHeaders` + `sendBody(chunk, { more: true })`. The consumer
 * lives until a body chunk is sent without `more`, so layer messages can feed a stream
 * (server-sent events) after `handle` has returned.
 */
export class HttpConsumer<M extends MessageMap = AnyMessages> extends BaseConsumer<M, HttpScope> {
  /**
   * Largest request body `handle` is given whole (default 2.5 MiB, Django's
   * DATA_UPLOAD_MAX_MEMORY_SIZE). A bigger one is answered 413 without calling `handle`.
   */
  maxBodyBytes = 2_621_440;
  #chunks: Uint8Array[] = [];
  #bodyBytes = 0;

  async http_request(event: HttpRequestEvent): Promise<void> {
    const body = event.body;
    if (body instanceof Uint8Array && body.length > 0) {
      this.#bodyBytes += body.length;
      if (this.#bodyBytes > this.maxBodyBytes) {
        this.#chunks = [];
        await this.sendResponse(413, `Request body larger than ${this.maxBodyBytes} bytes.\n`, {
          headers: [["content-type", "text/plain; charset=utf-8"]],
        });
        return;
      }
      this.#chunks.push(body);
    }
    if (event.more_body === true) return;
    const whole = this.#chunks.length === 1 ? (this.#chunks[0] as Uint8Array) : Buffer.concat(this.#chunks);
    this.#chunks = [];
    await this.handle(whole);
  }

  async http_disconnect(_event: HttpDisconnectEvent): Promise<void> {
    await this.disconnect();
    throw new StopConsumer();
  }

  /** Answers the request; `body` is the whole request body. */
  async handle(_body: Uint8Array): Promise<void> {
    throw new ChannelsError(
      ErrorCode.NOT_IMPLEMENTED,
      `${this.constructor.name} must define handle(body) to answer HTTP requests.`,
    );
  }

  /** Called when the client goes away before the response ended. */
  async disconnect(): Promise<void> {}

  async sendHeaders(status = 200, headers: HeadersInit = []): Promise<void> {
    await this.baseSend({
      type: "http.response.start",
      status,
      headers: Array.isArray(headers) ? headers : Object.entries(headers),
    });
  }

  /** Sends a body chunk; without `more`, it is the last one and the consumer ends after this handler. */
  async sendBody(body: string | Uint8Array, options: { more?: boolean } = {}): Promise<void> {
    const more = options.more === true;
    await this.baseSend({
      type: "http.response.body",
      body: typeof body === "string" ? Buffer.from(body) : body,
      more_body: more,
    });
    if (!more) this.stopAfterThisMessage();
  }

  async sendResponse(
    status: number,
    body: string | Uint8Array,
    options: { headers?: HeadersInit } = {},
  ): Promise<void> {
    await this.sendHeaders(status, options.headers);
    await this.sendBody(body);
  }
}

reserveFrameworkNames(HttpConsumer.prototype, ["http_request", "http_disconnect"]);
