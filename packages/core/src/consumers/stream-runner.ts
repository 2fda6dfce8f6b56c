import { ErrorCode, ProtocolError } from "../errors";
import type { SendEvent, WebsocketInboundEvent } from "../events";
import type { Application, WebsocketScope } from "../types";
import { DONE } from "../util/done";
import { consumerDrops } from "./consumer-drops";
import { closeFrame, payloadPrefix, STREAM_ERROR_CLOSE_CODE, STREAM_REFUSED_CLOSE_CODE } from "./stream-envelope";

/** The scope a stream's consumer gets: a copy of the socket's, with the stream's name in it. */
export interface StreamScope extends WebsocketScope {
  stream: string;
}

/** What a stream needs of the demultiplexer that carries it. */
export interface StreamHost {
  /** Sends a text frame on the socket; dropped (resolved) once the socket is closing or gone. */
  sendText(text: string): Promise<void>;
  /** The stream has closed or ended: nothing more goes to it or comes from it. */
  streamClosed(code: number, reason: string): void;
  /** A stream's consumer failed (or broke the protocol); the stream is closed with 1011. */
  streamFailed(stream: string, error: unknown): void;
}

// "connecting": the consumer has not accepted yet; "open": it has; "closed": its close frame is
// sent (or the socket is gone), so frames from and to it are dropped.
type StreamState = "connecting" | "open" | "closed";

/**
 * One stream of a multiplexed socket: its consumer runs as an ordinary application, with a
 * `receive` fed from the socket's envelopes and a `send` that wraps what it sends in envelopes.
 * So any WebSocket consumer works as a stream unchanged, with its own channel, groups and lifecycle.
 */
export class StreamRunner {
  readonly name: string;
  /** Settles (never rejects) once the stream's consumer has returned or failed. */
  readonly ended: Promise<void>;
  #state: StreamState = "connecting";
  #appEnded = false;
  #disconnectFed = false;
  readonly #host: StreamHost;
  readonly #prefix: string;
  readonly #maxPending: number;
  // The inbox: events not yet asked for, the consumer's pending receive, the sender waiting for room.
  #inbox: WebsocketInboundEvent[] = [];
  #waiting: ((event: WebsocketInboundEvent) => void) | undefined = undefined;
  #roomMade: (() => void) | undefined = undefined;

  constructor(name: string, app: Application<StreamScope>, scope: StreamScope, host: StreamHost, maxPending: number) {
    this.name = name;
    this.#host = host;
    this.#prefix = payloadPrefix(name);
    this.#maxPending = maxPending;
    this.#inbox.push({ type: "websocket.connect" });
    let running: Promise<void>;
    try {
      running = app(scope, this.#receive, this.#send);
    } catch (error) {
      running = Promise.reject(error as Error);
    }
    this.ended = running.then(
      () => this.#end(undefined),
      (error: unknown) => this.#end(error),
    );
  }

  /** True once the stream's close frame is sent: frames for it are dropped. */
  get closed(): boolean {
    return this.#state === "closed";
  }

  /**
   * Hands one payload (as JSON text) to the consumer. Returns a promise when the stream already
   * holds `maxPending` frames: the socket's reader waits on it, so a slow stream slows the
   * client's socket (as a slow consumer does) instead of queueing without bound.
   */
  deliver(text: string): Promise<void> | undefined {
    if (this.#state === "closed") return undefined;
    this.#put({ type: "websocket.receive", text });
    if (this.#inbox.length < this.#maxPending) return undefined;
    return new Promise<void>((resolve) => (this.#roomMade = resolve));
  }

  /** The socket is gone: the consumer hears it once (its disconnect runs), and sends nothing more. */
  socketClosed(code: number): void {
    this.#state = "closed";
    this.#feedDisconnect(code);
  }

  #feedDisconnect(code: number): void {
    if (this.#disconnectFed || this.#appEnded) return;
    this.#disconnectFed = true;
    this.#put({ type: "websocket.disconnect", code });
  }

  #put(event: WebsocketInboundEvent): void {
    const waiting = this.#waiting;
    if (waiting !== undefined) {
      this.#waiting = undefined;
      waiting(event);
    } else {
      this.#inbox.push(event);
    }
  }

  readonly #receive = (): Promise<WebsocketInboundEvent> => {
    const event = this.#inbox.shift();
    if (event === undefined) return new Promise((resolve) => (this.#waiting = resolve));
    if (this.#inbox.length < this.#maxPending) this.#makeRoom();
    return Promise.resolve(event);
  };

  #makeRoom(): void {
    const roomMade = this.#roomMade;
    this.#roomMade = undefined;
    roomMade?.();
  }

  readonly #send = (event: SendEvent): Promise<void> => {
    switch (event.type) {
      case "websocket.accept":
        if (this.#state === "connecting") this.#state = "open";
        return DONE;
      case "websocket.send":
        return this.#sendPayload(event.text);
      case "websocket.close":
        return this.#close(event.code, event.reason);
      // Listed so that a new event type is a lint error here rather than a silent fall into the default.
      case "http.response.start":
      case "http.response.body":
      case "lifespan.startup.complete":
      case "lifespan.startup.failed":
      case "lifespan.shutdown.complete":
      case "lifespan.shutdown.failed":
      default:
        return Promise.reject(
          new ProtocolError(
            `Stream ${JSON.stringify(this.name)} cannot send message type ${JSON.stringify((event as { type?: unknown }).type)}; ` +
              'use "websocket.accept", "websocket.send" or "websocket.close".',
          ),
        );
    }
  };

  #sendPayload(text: string | null | undefined): Promise<void> {
    // As the server: frames sent once the stream is closed are dropped.
    if (this.#state === "closed") return DONE;
    if (this.#state === "connecting") {
      return Promise.reject(
        new ProtocolError(
          `Stream ${JSON.stringify(this.name)} sent websocket.send before websocket.accept; accept the connection first.`,
        ),
      );
    }
    if (typeof text !== "string") {
      return Promise.reject(
        new ProtocolError(
          `Stream ${JSON.stringify(this.name)} sent a binary frame; a multiplexed stream carries JSON text (use sendJson).`,
          1003,
        ),
      );
    }
    try {
      // Checked, so that the envelope spliced around it is JSON too; then sent as it is.
      JSON.parse(text);
    } catch {
      return Promise.reject(
        new ProtocolError(
          `Stream ${JSON.stringify(this.name)} sent a text frame that is not JSON; a multiplexed stream carries JSON (use sendJson).`,
          1007,
        ),
      );
    }
    return this.#host.sendText(`${this.#prefix}${text}}`);
  }

  #close(code: number | undefined, reason: string | undefined): Promise<void> {
    if (this.#state === "closed") return DONE;
    // Refusing the handshake has no HTTP status to give inside a socket: 4403 stands for 403.
    const refused = this.#state === "connecting";
    const closeCode = code ?? (refused ? STREAM_REFUSED_CLOSE_CODE : 1000);
    const closeReason = reason ?? (refused ? "stream refused" : "");
    const invalid = invalidClose(closeCode, closeReason);
    if (invalid !== undefined)
      return Promise.reject(new ProtocolError(`Stream ${JSON.stringify(this.name)}: ${invalid}`));
    const sent = this.#closeWith(closeCode, closeReason);
    // As the server, which delivers no frame once its close is sent: what the stream has not read yet goes.
    const unread = this.#inbox.length;
    this.#inbox = [];
    this.#makeRoom();
    if (unread > 0) {
      consumerDrops.report(
        "no handler",
        {},
        unread,
        `frames for stream ${JSON.stringify(this.name)}, which has closed`,
      );
    }
    // As the server does once the close handshake is over: the consumer's disconnect runs.
    this.#feedDisconnect(closeCode);
    return sent;
  }

  #closeWith(code: number, reason: string): Promise<void> {
    this.#state = "closed";
    const sent = this.#host.sendText(closeFrame(this.name, code, reason));
    this.#host.streamClosed(code, reason);
    return sent;
  }

  #end(error: unknown): void {
    this.#appEnded = true;
    this.#inbox = [];
    this.#makeRoom();
    const failed = error !== undefined && (error as { code?: unknown }).code !== ErrorCode.STOP_CONSUMER;
    if (failed) this.#host.streamFailed(this.name, error);
    if (this.#state === "closed") return;
    // A consumer that returns (or fails) without closing: the server would close the socket, so the stream closes.
    const code = failed || this.#state === "connecting" ? STREAM_ERROR_CLOSE_CODE : 1000;
    if (!failed && this.#state === "connecting") {
      this.#host.streamFailed(
        this.name,
        new ProtocolError("the stream's application returned without accepting or closing"),
      );
    }
    this.#closeWith(code, "").catch((sendError: unknown) => this.#host.streamFailed(this.name, sendError));
  }
}

/** Why `code`/`reason` cannot be a close (the server's own rules, so a stream behaves as a socket), or undefined. */
function invalidClose(code: number, reason: string): string | undefined {
  const sendable =
    Number.isInteger(code) &&
    ((code >= 3000 && code <= 4999) ||
      (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006));
  if (!sendable) {
    return `websocket.close code must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 codes a peer may send), got ${JSON.stringify(code)}.`;
  }
  if (typeof reason !== "string" || Buffer.byteLength(reason) > 123) {
    return "websocket.close reason must be a string of at most 123 bytes of UTF-8.";
  }
  return undefined;
}
