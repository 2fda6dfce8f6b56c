import { backoffDelay } from "./backoff.js";
import {
  resolveClientOptions,
  type ClientOptions,
  type CloseInfo,
  type ResolvedClientOptions,
} from "./client-options.js";
import type { DropReason, DroppedMessage } from "./dropped-message.js";
import {
  ClientClosed,
  Disconnected,
  HandlerError,
  InvalidClientOption,
  NoWebSocket,
  QueueFull,
  ReplyError,
  ReplyTimeout,
  ServerFrameError,
  SocketError,
  StreamClosed,
} from "./errors.js";
import { ClientErrorCode } from "./error-codes.js";
import { throwLater } from "./host.js";
import type { Inbox } from "./inbox.js";
import type { Link, Outgoing, StreamParts } from "./link.js";
import { MessageEndpoint } from "./message-endpoint.js";
import type { AnyMessages, AnyRequests, MessageMap, RequestMap } from "./message-maps.js";
import { StreamClient } from "./stream-client.js";
import {
  OPEN,
  type CloseEventLike,
  type MessageEventLike,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./websocket-like.js";

/** Events of the client; listen with `client.onEvent(name, handler)`. */
export interface ClientEvents {
  /** The socket opened; `reconnected` is true after a drop. Queued messages have been sent. */
  open: { reconnected: boolean };
  /** The socket closed; `willReconnect` says whether a `reconnecting` follows. */
  close: CloseInfo & { willReconnect: boolean };
  /**
   * A reconnect attempt is scheduled in `delayMs`. Attempt 1 is the first after a connection that
   * stayed open `resetAfterMs`; a socket the server closes sooner does not start the count again.
   */
  reconnecting: { attempt: number; delayMs: number };
  /** The socket is open again; `attempts` is the last `reconnecting` event's `attempt`. */
  reconnected: { attempts: number };
  /** A socket error, an undecodable or `{"error": ...}` frame, or a handler that threw. */
  error: { error: Error };
  /** A message was not sent; `message` is what `send` built. */
  dropped: DroppedMessage;
}

/** Where the client is: before `connect()`, connecting, open, waiting to reconnect, or done. */
export type ClientState = "idle" | "connecting" | "open" | "reconnecting" | "closed";

interface PendingRequest {
  type: string;
  stream: string | undefined;
  sent: boolean;
  timer: unknown;
  resolve(payload: unknown): void;
  reject(error: Error): void;
}

/**
 * A WebSocket client for a channels-ts (or Django Channels) JSON consumer: reconnects with
 * jittered exponential backoff, queues what is sent while offline, types messages by the same
 * message maps the server's consumers declare, and speaks the reply, stream and presence frames.
 *
 *     const client = new ChannelsClient<ChatIn, ChatOut>("ws://localhost:8000/ws/chat/lobby/");
 *     client.on("chat.message", (m) => show(m.text));
 *     client.send("chat.message", { text: "hi" });
 */
export class ChannelsClient<
  Receive extends MessageMap = AnyMessages,
  Send extends MessageMap = Receive,
  Requests extends RequestMap = AnyRequests,
> extends MessageEndpoint<Receive, Send, Requests, ClientEvents> {
  readonly url: string;
  private readonly options: ResolvedClientOptions;
  private readonly WebSocketClass: WebSocketConstructor;
  private socket: WebSocketLike | undefined;
  private status: ClientState = "idle";
  private gaveUp = false;
  private everOpened = false;
  /** Reconnect attempts since a socket last stayed open `resetAfterMs`. */
  private attempt = 0;
  private reconnectTimer: unknown;
  /** Runs `resetAfterMs` after an open, unless the socket closed first. */
  private stableTimer: unknown;
  private readonly queue: Outgoing[] = [];
  private readonly pending = new Map<number, PendingRequest>();
  private nextRequestId = 0;
  private readonly streamClients = new Map<string, StreamClient<never, never, never>>();
  /** Each stream's inbox, events and state, by name (filled in by the stream's constructor). */
  private readonly streams = new Map<string, { parts: StreamParts }>();

  constructor(url: string, options: ClientOptions = {}) {
    const link: Link = {
      transmit: (out) => this.transmit(out),
      request: (type, message, stream, timeoutMs) => this.startRequest(type, message, stream, timeoutMs),
      reportError: (error) => this.reportError(error),
      attachStream: (name, parts) => void this.streams.set(name, { parts }),
    };
    super(link, undefined);
    this.url = url;
    this.options = resolveClientOptions(options);
    const WebSocketClass =
      this.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket ?? undefined;
    if (WebSocketClass === undefined) throw new NoWebSocket();
    this.WebSocketClass = WebSocketClass;
    if (this.options.autoConnect) this.connect();
  }

  /** Where the client is now. */
  get state(): ClientState {
    return this.status;
  }

  /** Messages waiting for the socket to open. */
  get queued(): number {
    return this.queue.length;
  }

  /** Opens the socket (done by the constructor unless `autoConnect: false`); cancels a backoff wait. */
  connect(): void {
    if (this.status === "closed") throw new ClientClosed("close() was called or it gave up reconnecting");
    if (this.status === "connecting" || this.status === "open") return;
    this.cancelReconnect();
    this.openSocket();
  }

  /**
   * Closes for good: no reconnect, queued messages dropped (`closed`), queued requests rejected
   * with `ClientClosed`, requests in flight with `Disconnected`. The `close` event follows.
   */
  close(code = 1000, reason = ""): void {
    if (this.status === "closed") return;
    this.status = "closed";
    this.cancelReconnect();
    this.cancelStableTimer();
    this.dropQueue("closed");
    const socket = this.socket;
    if (socket !== undefined) {
      socket.close(code, reason);
      return;
    }
    this.events.emit("close", { code, reason, wasClean: true, willReconnect: false });
  }

  /**
   * The stream `name` of a multiplexing consumer, as a client of its own with typed
   * `send`/`on`/`request`/`presence`. One object per name: calling again returns the same one.
   */
  stream<R extends MessageMap = AnyMessages, S extends MessageMap = R, Q extends RequestMap = AnyRequests>(
    name: string,
  ): StreamClient<R, S, Q> {
    // One object per name whatever the type arguments: they only type the caller's view of it.
    let client = this.streamClients.get(name);
    if (client === undefined) {
      client = new StreamClient<never, never, never>(this.link, name);
      this.streamClients.set(name, client);
    }
    return client as unknown as StreamClient<R, S, Q>;
  }

  private openSocket(): void {
    this.status = "connecting";
    let socket: WebSocketLike;
    try {
      socket =
        this.options.protocols === undefined
          ? new this.WebSocketClass(this.url)
          : new this.WebSocketClass(this.url, this.options.protocols);
    } catch (error) {
      // A bad URL on the first try is the caller's mistake: throw it. Later, it counts as a failure.
      if (!this.everOpened && this.attempt === 0) {
        this.status = "idle";
        throw error;
      }
      this.reportError(new SocketError(this.url, error));
      this.afterClose({ code: 1006, reason: "", wasClean: false });
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.opened(socket);
    socket.onclose = (event: CloseEventLike) => this.closed(socket, event);
    socket.onerror = (event: unknown) => {
      if (socket === this.socket && this.status !== "closed") this.reportError(new SocketError(this.url, event));
    };
    socket.onmessage = (event: MessageEventLike) => {
      if (socket === this.socket) this.received(event.data);
    };
  }

  private opened(socket: WebSocketLike): void {
    if (socket !== this.socket) return;
    if (this.status === "closed") return;
    const reconnected = this.everOpened;
    const attempts = this.attempt;
    this.status = "open";
    this.everOpened = true;
    // A server that accepts and closes at once (e.g. while its backend is down) must still be
    // backed off from: the count starts again only once a connection has lasted.
    if (this.options.resetAfterMs === 0) this.attempt = 0;
    else
      this.stableTimer = this.options.timers.setTimeout(() => {
        this.stableTimer = undefined;
        this.attempt = 0;
      }, this.options.resetAfterMs);
    for (const { parts } of this.streams.values()) parts.state.closed = undefined;
    // Queued messages go first, before anything an `open` handler sends.
    for (const out of this.queue.splice(0)) {
      socket.send(out.text);
      this.markSent(out);
    }
    this.events.emit("open", { reconnected });
    for (const { parts } of this.streams.values()) parts.events.emit("open", { reconnected });
    if (reconnected) this.events.emit("reconnected", { attempts });
  }

  private closed(socket: WebSocketLike, event: CloseEventLike): void {
    if (socket !== this.socket) return;
    socket.onopen = socket.onclose = socket.onerror = socket.onmessage = null;
    this.socket = undefined;
    this.cancelStableTimer();
    const info: CloseInfo = { code: event.code, reason: event.reason, wasClean: event.wasClean };
    for (const [id, request] of this.pending) {
      if (request.sent) this.settle(id, request, new Disconnected(request.type, info.code));
    }
    this.afterClose(info);
  }

  private afterClose(info: CloseInfo): void {
    if (this.status === "closed") {
      this.events.emit("close", { ...info, willReconnect: false });
      return;
    }
    const wanted = this.options.shouldReconnect(info);
    const retry = wanted && this.attempt < this.options.maxAttempts;
    this.events.emit("close", { ...info, willReconnect: retry });
    if (!retry) {
      this.status = "closed";
      this.gaveUp = wanted;
      this.dropQueue(wanted ? "gave_up" : "closed");
      return;
    }
    this.attempt += 1;
    const delayMs = backoffDelay(this.attempt, this.options, this.options.random);
    this.status = "reconnecting";
    this.reconnectTimer = this.options.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.status === "reconnecting") this.openSocket();
    }, delayMs);
    this.events.emit("reconnecting", { attempt: this.attempt, delayMs });
  }

  private received(data: unknown): void {
    if (typeof data !== "string") {
      this.reportError(
        new ServerFrameError(ClientErrorCode.BAD_FRAME, "A binary frame came; the client reads JSON text frames only."),
      );
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      this.reportError(
        new ServerFrameError(ClientErrorCode.BAD_FRAME, `A frame that is not JSON came: ${data.slice(0, 80)}`),
      );
      return;
    }
    if (typeof message === "object" && message !== null && !Array.isArray(message)) {
      const frame = message as {
        stream?: unknown;
        payload?: unknown;
        close?: unknown;
        error?: unknown;
        type?: unknown;
      };
      if (typeof frame.stream === "string") return this.receivedOnStream(frame.stream, frame);
      if (frame.type === undefined && typeof frame.error === "object" && frame.error !== null) {
        const { code, message: text } = frame.error as { code?: unknown; message?: unknown };
        const serverCode = typeof code === "string" ? code : undefined;
        this.reportError(
          new ServerFrameError(
            ClientErrorCode.SERVER_ERROR,
            `The server said: ${String(text)} (${String(code)}).`,
            serverCode,
          ),
        );
        return;
      }
      if (frame.type === "reply") return this.receivedReply(frame, this.inbox);
    }
    this.inbox.deliver(message);
  }

  private receivedOnStream(name: string, frame: { payload?: unknown; close?: unknown }): void {
    const entry = this.streams.get(name);
    if (frame.close !== undefined) {
      const { code, reason } = (typeof frame.close === "object" && frame.close !== null ? frame.close : {}) as {
        code?: unknown;
        reason?: unknown;
      };
      const closed = { code: typeof code === "number" ? code : 1000, reason: typeof reason === "string" ? reason : "" };
      for (const [id, request] of this.pending) {
        if (request.stream === name && request.sent)
          this.settle(id, request, new StreamClosed(name, closed.code, closed.reason));
      }
      if (entry === undefined) return;
      entry.parts.state.closed = closed;
      entry.parts.events.emit("closed", closed);
      return;
    }
    if (entry === undefined) return;
    const payload = frame.payload;
    if (typeof payload === "object" && payload !== null && (payload as { type?: unknown }).type === "reply") {
      return this.receivedReply(payload as { requestId?: unknown }, entry.parts.inbox);
    }
    entry.parts.inbox.deliver(payload);
  }

  private receivedReply(
    reply: { requestId?: unknown; ok?: unknown; payload?: unknown; error?: unknown },
    inbox: Inbox,
  ): void {
    const id = reply.requestId;
    const request = typeof id === "number" ? this.pending.get(id) : undefined;
    // A reply to nobody: its request timed out, or it is someone else's "reply" message.
    if (request === undefined || typeof id !== "number") return inbox.deliver(reply);
    if (reply.ok === true) return this.settle(id, request, undefined, reply.payload);
    const { code, message } = (typeof reply.error === "object" && reply.error !== null ? reply.error : {}) as {
      code?: unknown;
      message?: unknown;
    };
    this.settle(
      id,
      request,
      new ReplyError(
        request.type,
        typeof code === "string" ? code : "unknown_error",
        typeof message === "string" ? message : "",
      ),
    );
  }

  private transmit(out: Outgoing): boolean {
    if (this.status === "closed") return this.drop(out, this.gaveUp ? "gave_up" : "closed");
    const socket = this.socket;
    const open = this.status === "open" && socket !== undefined && socket.readyState === OPEN;
    if (open && out.stream !== undefined && this.streams.get(out.stream)?.parts.state.closed !== undefined) {
      return this.drop(out, "stream_closed");
    }
    if (open) {
      socket.send(out.text);
      this.markSent(out);
      return true;
    }
    if (this.queue.length >= this.options.maxQueued) return this.drop(out, "queue_full");
    this.queue.push(out);
    return true;
  }

  private startRequest(
    type: string,
    message: object,
    stream: string | undefined,
    timeoutMs: number | undefined,
  ): Promise<unknown> {
    const deadline = timeoutMs ?? this.options.requestTimeoutMs;
    if (!(deadline > 0) || !Number.isFinite(deadline)) {
      return Promise.reject(new InvalidClientOption("timeoutMs", deadline, "a finite number > 0"));
    }
    const requestId = this.nextRequestId++;
    const full = Object.assign({ requestId }, message, { requestId });
    let text: string;
    try {
      text = JSON.stringify(stream === undefined ? full : { stream, payload: full });
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const timer = this.options.timers.setTimeout(() => {
        const request = this.pending.get(requestId);
        if (request === undefined) return;
        const at = this.queue.findIndex((out) => out.requestId === requestId);
        if (at >= 0) this.queue.splice(at, 1);
        this.settle(requestId, request, new ReplyTimeout(type, deadline));
      }, deadline);
      this.pending.set(requestId, { type, stream, sent: false, timer, resolve, reject });
      this.transmit({ text, message: full, stream, requestId });
    });
  }

  private settle(id: number, request: PendingRequest, error: Error | undefined, payload?: unknown): void {
    this.pending.delete(id);
    this.options.timers.clearTimeout(request.timer);
    if (error === undefined) request.resolve(payload);
    else request.reject(error);
  }

  private markSent(out: Outgoing): void {
    if (out.requestId === undefined) return;
    const request = this.pending.get(out.requestId);
    if (request !== undefined) request.sent = true;
  }

  private drop(out: Outgoing, reason: DropReason): false {
    const dropped: DroppedMessage = { message: out.message, reason, stream: out.stream };
    this.events.emit("dropped", dropped);
    if (out.stream !== undefined) this.streams.get(out.stream)?.parts.events.emit("dropped", dropped);
    const request = out.requestId === undefined ? undefined : this.pending.get(out.requestId);
    if (request !== undefined && out.requestId !== undefined)
      this.settle(out.requestId, request, this.dropError(out, reason));
    return false;
  }

  private dropError(out: Outgoing, reason: DropReason): Error {
    switch (reason) {
      case "queue_full":
        return new QueueFull(this.options.maxQueued);
      case "stream_closed": {
        const closed = this.streams.get(out.stream ?? "")?.parts.state.closed ?? { code: 1000, reason: "" };
        return new StreamClosed(out.stream ?? "", closed.code, closed.reason);
      }
      case "closed":
        return new ClientClosed("close() was called, or the server closed it for good");
      case "gave_up":
        return new ClientClosed(`it gave up after ${this.options.maxAttempts} reconnect attempts`);
    }
  }

  private dropQueue(reason: DropReason): void {
    for (const out of this.queue.splice(0)) this.drop(out, reason);
  }

  private cancelStableTimer(): void {
    if (this.stableTimer === undefined) return;
    this.options.timers.clearTimeout(this.stableTimer);
    this.stableTimer = undefined;
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer === undefined) return;
    this.options.timers.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  /**
   * To `error` listeners. With none, a handler's error is thrown later (as a throwing DOM event
   * listener is reported), while socket and frame errors stay quiet: a page cannot fix them, and
   * the `close` event tells of a failed connection too.
   */
  private reportError(error: Error): void {
    if (this.events.has("error")) {
      this.events.emit("error", { error });
      return;
    }
    if (error instanceof HandlerError) throwLater(error);
  }
}
