import { HandlerNotFound, StopConsumer } from "../errors";
import { handlerNameFor, reserveFrameworkNames } from "./handler-name";
import { JsonWebsocketConsumer } from "./json-websocket-consumer";
import { RequestFailed } from "./request-failed";
import { isRequestId, ReplyErrorCode, type ReplyErrorBody, type ReplyMessage } from "./request-reply";
import type { AnyMessages, MessageMap } from "./typed-messages";

/** A decoded frame that carries a `requestId`: a request, or a malformed one. */
export type IncomingRequest = { requestId: unknown; type?: unknown; [key: string]: unknown };

/**
 * A JsonWebsocketConsumer that answers requests (Socket.IO's acks): a JSON object from the client
 * with a `requestId` goes to the method `request_` + its type (`room.join` -> `request_room_join`,
 * or `requestRoomJoin`), and what that returns is sent back as
 * `{"type": "reply", "requestId", "ok": true, "payload"}`; what it throws, as `ok: false` with an
 * `error: { code, message }`. Every other frame goes to `receiveJson` as before. Requests are
 * handled one at a time in arrival order, like every message, and a failing one only fails its
 * reply: the socket stays open. Declare the requests with `implements RequestHandlers<Map>`.
 */
export class ReplyingJsonWebsocketConsumer<M extends MessageMap = AnyMessages> extends JsonWebsocketConsumer<M> {
  override async receive(text?: string, bytes?: Uint8Array): Promise<void> {
    if (text === undefined) return super.receive(text, bytes);
    let content: unknown;
    try {
      content = this.decodeJson(text);
    } catch (error) {
      await this.onInvalidJson(text, error);
      return;
    }
    if (typeof content === "object" && content !== null && Object.hasOwn(content, "requestId")) {
      await this.receiveRequest(content as IncomingRequest);
    } else {
      await this.receiveJson(content);
    }
  }

  /**
   * Answers one request: calls its handler and sends the reply. Public for consumers that get their
   * frames another way (a multiplexed stream's payload): it is what `receive` calls.
   */
  async receiveRequest(request: IncomingRequest): Promise<void> {
    const requestId = request.requestId;
    const type = request.type;
    if (!isRequestId(requestId)) {
      return this.sendReply(
        failure(requestId, ReplyErrorCode.BAD_REQUEST, "requestId must be a non-negative integer."),
        request,
      );
    }
    if (typeof type !== "string") {
      return this.sendReply(
        failure(requestId, ReplyErrorCode.BAD_REQUEST, 'A request needs a string "type".'),
        request,
      );
    }
    const handler = this.#handlerFor(type);
    if (handler === undefined) {
      return this.sendReply(
        failure(requestId, ReplyErrorCode.UNKNOWN_REQUEST, `No request handler for type ${JSON.stringify(type)}.`),
        request,
      );
    }
    let reply: ReplyMessage;
    try {
      const payload: unknown = await handler.call(this, request);
      // JSON has no undefined: a handler that returns nothing replies null.
      reply = { type: "reply", requestId, ok: true, payload: payload === undefined ? null : payload };
    } catch (error) {
      if (error instanceof StopConsumer) throw error;
      reply = { type: "reply", requestId, ok: false, error: this.replyError(error, request) };
    }
    return this.sendReply(reply, request);
  }

  /**
   * The `error` an exception becomes: a `RequestFailed`'s code and message as they are; for any
   * other, its own string `code` (or "handler_error") and a message that says no more, since an
   * error's text may hold what the client should not see; that error goes to `onRequestError`.
   */
  replyError(error: unknown, request: IncomingRequest): ReplyErrorBody {
    if (error instanceof RequestFailed) return { code: error.replyCode, message: error.message };
    this.onRequestError(error, request);
    const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
    return {
      code: typeof code === "string" && code !== "" ? code : ReplyErrorCode.HANDLER_ERROR,
      message: `The ${String(request.type)} request failed on the server.`,
    };
  }

  /** A request handler threw something other than `RequestFailed`; logged to the console by default. */
  onRequestError(error: unknown, request: IncomingRequest): void {
    console.error(`channels-ts: the handler of request ${JSON.stringify(request.type)} threw:`, error);
  }

  /** Encodes and sends a reply; one whose payload `encodeJson` refuses is answered as a handler error. */
  async sendReply(reply: ReplyMessage, request: IncomingRequest): Promise<void> {
    let text: string;
    try {
      text = this.encodeJson(reply);
    } catch (error) {
      this.onRequestError(error, request);
      const message = "The reply could not be encoded as JSON.";
      text = this.encodeJson(failure(reply.requestId, ReplyErrorCode.HANDLER_ERROR, message));
    }
    await this.send(text);
  }

  #handlerFor(type: string): ((request: IncomingRequest) => unknown) | undefined {
    // "request." + a type with a leading "_" or "." would pass the private-name rule: refused here.
    const first = type.charCodeAt(0);
    if (type === "" || first === 95 /* _ */ || first === 46 /* . */) return undefined;
    let name: string;
    try {
      name = handlerNameFor(this, `request.${type}`);
    } catch (error) {
      if (error instanceof HandlerNotFound) return undefined;
      throw error;
    }
    return (this as unknown as Record<string, (request: IncomingRequest) => unknown>)[name];
  }
}

function failure(requestId: unknown, code: string, message: string): ReplyMessage {
  // A bad id is echoed as it came (it is JSON already), so the client can still match it.
  return { type: "reply", requestId: requestId as number, ok: false, error: { code, message } };
}

reserveFrameworkNames(ReplyingJsonWebsocketConsumer.prototype);
