"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpConsumer = void 0;
const errors_1 = require("../errors");
const base_consumer_1 = require("./base-consumer");
const handler_name_1 = require("./handler-name");
/**
 * Channels' AsyncHttpConsumer. `handle(body)` gets the whole request body and answers with
 * `sendResponse`, or streams with `sendHeaders` + `sendBody(chunk, { more: true })`. The consumer
 * lives until a body chunk is sent without `more`, so layer messages can feed a stream
 * (server-sent events) after `handle` has returned.
 */
class HttpConsumer extends base_consumer_1.BaseConsumer {
    /**
     * Largest request body `handle` is given whole (default 2.5 MiB, Django's
     * DATA_UPLOAD_MAX_MEMORY_SIZE). A bigger one is answered 413 without calling `handle`.
     */
    maxBodyBytes = 2_621_440;
    #chunks = [];
    #bodyBytes = 0;
    async http_request(event) {
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
        if (event.more_body === true)
            return;
        const whole = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks);
        this.#chunks = [];
        await this.handle(whole);
    }
    async http_disconnect(_event) {
        await this.disconnect();
        throw new errors_1.StopConsumer();
    }
    /** Answers the request; `body` is the whole request body. */
    async handle(_body) {
        throw new errors_1.ChannelsError(errors_1.ErrorCode.NOT_IMPLEMENTED, `${this.constructor.name} must define handle(body) to answer HTTP requests.`);
    }
    /** Called when the client goes away before the response ended. */
    async disconnect() { }
    async sendHeaders(status = 200, headers = []) {
        await this.baseSend({
            type: "http.response.start",
            status,
            headers: Array.isArray(headers) ? headers : Object.entries(headers),
        });
    }
    /** Sends a body chunk; without `more`, it is the last one and the consumer ends after this handler. */
    async sendBody(body, options = {}) {
        const more = options.more === true;
        await this.baseSend({
            type: "http.response.body",
            body: typeof body === "string" ? Buffer.from(body) : body,
            more_body: more,
        });
        if (!more)
            this.stopAfterThisMessage();
    }
    async sendResponse(status, body, options = {}) {
        await this.sendHeaders(status, options.headers);
        await this.sendBody(body);
    }
}
exports.HttpConsumer = HttpConsumer;
(0, handler_name_1.reserveFrameworkNames)(HttpConsumer.prototype, ["http_request", "http_disconnect"]);
//# sourceMappingURL=http-consumer.js.map