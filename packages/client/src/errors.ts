import { ClientErrorCode } from "./error-codes.js";

export { ClientErrorCode } from "./error-codes.js";

/** Every error the client throws, rejects with or reports: a stable `code` and a message naming the fix. */
export class ClientError<C extends string = ClientErrorCode> extends Error {
  readonly code: C;
  constructor(code: C, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** An option that cannot work, named with the value it had. Thrown by the constructor. */
export class InvalidClientOption extends ClientError<typeof ClientErrorCode.INVALID_CLIENT_OPTION> {
  readonly option: string;
  constructor(option: string, value: unknown, expected: string) {
    super(ClientErrorCode.INVALID_CLIENT_OPTION, `${option} must be ${expected}, got ${describe(value)}.`);
    this.option = option;
  }
}

/** No WebSocket constructor: Node 20 has no global one. */
export class NoWebSocket extends ClientError<typeof ClientErrorCode.NO_WEBSOCKET> {
  constructor() {
    super(
      ClientErrorCode.NO_WEBSOCKET,
      "There is no global WebSocket here (Node 20 has none): pass one, e.g. " +
        '`new ChannelsClient(url, { WebSocket })` with `import WebSocket from "ws"`.',
    );
  }
}

/** The server answered a request with `ok: false`; `code` and `message` are the server's. */
export class ReplyError extends ClientError<string> {
  readonly requestType: string;
  constructor(requestType: string, code: string, message: string) {
    super(code, message);
    this.requestType = requestType;
  }
}

/** No reply within `timeoutMs`. */
export class ReplyTimeout extends ClientError<typeof ClientErrorCode.REPLY_TIMEOUT> {
  readonly requestType: string;
  readonly timeoutMs: number;
  constructor(requestType: string, timeoutMs: number) {
    super(
      ClientErrorCode.REPLY_TIMEOUT,
      `No reply to request ${JSON.stringify(requestType)} within ${timeoutMs} ms: ` +
        "check that the server declares a request handler for it, or raise timeoutMs.",
    );
    this.requestType = requestType;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The socket closed after the request went out: its reply can never come, because the server's
 * consumer for that connection is gone. (A request still queued offline is not rejected: it goes
 * out on reconnect and keeps its deadline.)
 */
export class Disconnected extends ClientError<typeof ClientErrorCode.DISCONNECTED> {
  readonly requestType: string;
  readonly closeCode: number;
  constructor(requestType: string, closeCode: number) {
    super(
      ClientErrorCode.DISCONNECTED,
      `The connection closed (code ${closeCode}) before the reply to ${JSON.stringify(requestType)} came; ` +
        "send the request again once the client is open (the server may or may not have handled it).",
    );
    this.requestType = requestType;
    this.closeCode = closeCode;
  }
}

/** The stream the request or message was for was closed by the server. */
export class StreamClosed extends ClientError<typeof ClientErrorCode.STREAM_CLOSED> {
  readonly stream: string;
  readonly closeCode: number;
  constructor(stream: string, closeCode: number, reason: string) {
    super(
      ClientErrorCode.STREAM_CLOSED,
      `Stream ${JSON.stringify(stream)} was closed by the server (code ${closeCode}` +
        `${reason === "" ? "" : `, ${JSON.stringify(reason)}`}); it opens again when the socket reconnects.`,
    );
    this.stream = stream;
    this.closeCode = closeCode;
  }
}

/** The client was closed (by `close()` or after `maxAttempts` failed reconnects). */
export class ClientClosed extends ClientError<typeof ClientErrorCode.CLIENT_CLOSED> {
  constructor(why: string) {
    super(ClientErrorCode.CLIENT_CLOSED, `The client is closed (${why}): make a new ChannelsClient to talk again.`);
  }
}

/** The offline queue already held `maxQueued` messages. */
export class QueueFull extends ClientError<typeof ClientErrorCode.QUEUE_FULL> {
  readonly maxQueued: number;
  constructor(maxQueued: number) {
    super(
      ClientErrorCode.QUEUE_FULL,
      `The offline queue is full (maxQueued ${maxQueued}): the message was not sent; raise maxQueued or wait for "open".`,
    );
    this.maxQueued = maxQueued;
  }
}

/** A frame from the server that is not JSON, or an `{"error": ...}` frame (e.g. "bad_envelope"). */
export class ServerFrameError extends ClientError<
  typeof ClientErrorCode.BAD_FRAME | typeof ClientErrorCode.SERVER_ERROR
> {
  /** The server's own error code, for an `{"error": {code, message}}` frame. */
  readonly serverCode: string | undefined;
  constructor(
    code: typeof ClientErrorCode.BAD_FRAME | typeof ClientErrorCode.SERVER_ERROR,
    message: string,
    serverCode?: string,
  ) {
    super(code, message);
    this.serverCode = serverCode;
  }
}

/** A message or event handler threw; the error is its `cause`. Other handlers still run. */
export class HandlerError extends ClientError<typeof ClientErrorCode.HANDLER_ERROR> {
  constructor(what: string, cause: unknown) {
    super(ClientErrorCode.HANDLER_ERROR, `A handler for ${what} threw: ${describe(cause)}.`, { cause });
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  return typeof value;
}

/** The socket reported an error (a refused connection, a failed handshake); a `close` event follows. */
export class SocketError extends ClientError<typeof ClientErrorCode.SOCKET_ERROR> {
  constructor(url: string, cause: unknown) {
    const detail = typeof cause === "object" && cause !== null ? (cause as { message?: unknown }).message : undefined;
    super(
      ClientErrorCode.SOCKET_ERROR,
      `WebSocket error on ${url}${typeof detail === "string" && detail !== "" ? `: ${detail}` : ""}; the client reconnects unless told not to.`,
      { cause },
    );
  }
}
