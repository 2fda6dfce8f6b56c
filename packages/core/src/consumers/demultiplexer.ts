import { AcceptConnection, ChannelsError, DenyConnection, ErrorCode, StopConsumer } from "../errors";
import { DONE } from "../util/done";
import type {
  WebsocketAcceptEvent,
  WebsocketCloseEvent,
  WebsocketConnectEvent,
  WebsocketDisconnectEvent,
  WebsocketReceiveEvent,
} from "../events";
import type { Application, Headers, Receive, Send, WebsocketScope } from "../types";
import { BaseConsumer } from "./base-consumer";
import { consumerDrops } from "./consumer-drops";
import { reserveFrameworkNames } from "./handler-name";
import { badEnvelopeFrame, closeFrame, parseEnvelope, UNKNOWN_STREAM_CLOSE_CODE } from "./stream-envelope";
import { StreamRunner, type StreamHost, type StreamScope } from "./stream-runner";
import type { AnyMessages } from "./typed-messages";

/** A consumer class (anything with `asApp()`, as every consumer has) or an application, run for one stream. */
export type StreamTarget = { asApp(): Application<StreamScope> } | Application<StreamScope>;

/** Stream name -> what serves it. */
export type StreamMap = Readonly<Record<string, StreamTarget>>;

/** Where a stream's failure is written: console by default (the Worker's logger shape). */
export interface StreamErrorLogger {
  error(message: string, error?: unknown): void;
}

/** Frames a stream may hold before the socket's reader waits for it (see `maxPendingFrames`). */
export const DEFAULT_MAX_PENDING_FRAMES = 100;

// Each consumer class becomes an application once, not once per connection.
const applications = new WeakMap<object, Application<StreamScope>>();

function applicationFor(target: StreamTarget): Application<StreamScope> {
  if (!("asApp" in target) || typeof target.asApp !== "function") return target as Application<StreamScope>;
  let app = applications.get(target);
  if (app === undefined) {
    app = target.asApp();
    applications.set(target, app);
  }
  return app;
}

/**
 * Many logical streams over one WebSocket, as Channels 1.x's `WebsocketDemultiplexer`: the client
 * sends `{"stream": name, "payload": value}`, and each stream's own consumer (any WebSocket
 * consumer, a `JsonWebsocketConsumer` typically) gets `payload` as if it had the socket to itself,
 * with its own scope copy (`scope.stream` is its name), channel, groups and handlers. What it
 * sends goes out wrapped the same way.
 *
 *     const app = Demultiplexer.asApp({ streams: { echo: EchoConsumer, chat: ChatConsumer } });
 *
 * Every stream connects when the socket does. A stream that closes, or whose handler throws,
 * ends alone: the client gets `{"stream": name, "close": {"code", "reason"}}` (1011 for an
 * error, which is logged) and its later frames are dropped; the socket closes when the client
 * closes it or when every stream has ended. The demultiplexer itself has no channel: layer
 * messages go to each stream's own channel and groups.
 */
export class Demultiplexer extends BaseConsumer<AnyMessages, WebsocketScope> {
  override channelLayerAlias = "";
  /** Stream name -> consumer class or application: set it in a subclass or through `asApp({ streams })`. */
  streams: StreamMap = {};
  /** Frames one stream may hold unread before the socket waits for it, so that a slow stream cannot queue without bound. */
  maxPendingFrames = DEFAULT_MAX_PENDING_FRAMES;
  /** Where a stream's failure is logged (its stream is closed with 1011; the socket stays). */
  logger: StreamErrorLogger = console;

  readonly #runners = new Map<string, StreamRunner>();
  #accepted = false;
  /** The socket is closing (we sent the close) or gone: frames are dropped. */
  #closing = false;
  #openStreams = 0;
  #lastClose: { code: number; reason: string } = { code: 1000, reason: "" };
  #host: StreamHost | undefined;

  override run(scope: WebsocketScope, receive: Receive, send: Send): Promise<void> {
    // However the socket ends (a disconnect, or a failure of this consumer), every stream hears
    // it once, and this returns only after they have all ended: none keeps a channel or a group.
    return super.run(scope, receive, send).finally(() => this.#endStreams(1006));
  }

  async websocket_connect(_event: WebsocketConnectEvent): Promise<void> {
    const streams = checkedStreams(this.streams);
    const maxPending = this.maxPendingFrames;
    if (!Number.isInteger(maxPending) || maxPending < 1) {
      throw new InvalidStreams(
        `Demultiplexer.maxPendingFrames must be a positive integer, got ${String(maxPending)}; leave it out for ${DEFAULT_MAX_PENDING_FRAMES}.`,
      );
    }
    try {
      await this.connect();
    } catch (error) {
      if (error instanceof AcceptConnection) await this.accept();
      else if (error instanceof DenyConnection) await this.close();
      else throw error;
    }
    if (!this.#accepted || this.#closing) return;
    const host = (this.#host ??= this.#makeHost());
    // Counted first: a stream that ends at once must not look like the last one.
    this.#openStreams = streams.length;
    for (const [name, target] of streams) {
      const scope: StreamScope = { ...this.scope, stream: name };
      this.#runners.set(name, new StreamRunner(name, applicationFor(target), scope, host, maxPending));
    }
  }

  /** Called on the handshake, before the streams connect; accepts by default. Close (or throw DenyConnection) to refuse the socket. */
  async connect(): Promise<void> {
    await this.accept();
  }

  /** Completes the socket's handshake (the streams' own accepts only open their streams). */
  accept(subprotocol: string | null = null, headers?: Headers): Promise<void> {
    this.#accepted = true;
    const event: WebsocketAcceptEvent = { type: "websocket.accept", subprotocol };
    if (headers !== undefined) event.headers = headers;
    return this.baseSend(event);
  }

  /** Closes the socket (every stream's disconnect then runs); before `accept()` this refuses the handshake. */
  close(code?: number, reason?: string): Promise<void> {
    this.#closing = true;
    const event: WebsocketCloseEvent = { type: "websocket.close" };
    if (code !== undefined) event.code = code;
    if (reason !== undefined) event.reason = reason;
    return this.baseSend(event);
  }

  websocket_receive(event: WebsocketReceiveEvent): Promise<void> | undefined {
    if (typeof event.text !== "string") {
      return this.#sendText(
        badEnvelopeFrame('binary frame; send a JSON text frame {"stream": <name>, "payload": <value>}'),
      );
    }
    const envelope = parseEnvelope(event.text);
    if (typeof envelope === "string") return this.#sendText(badEnvelopeFrame(envelope));
    const runner = this.#runners.get(envelope.stream);
    if (runner === undefined) {
      return this.#sendText(closeFrame(envelope.stream, UNKNOWN_STREAM_CLOSE_CODE, "unknown stream"));
    }
    if (runner.closed) {
      // A stream that has closed drops what is sent to it until the client connects again:
      // counted, as every message not delivered is, under the reason of a message no handler takes.
      consumerDrops.report(
        "no handler",
        {},
        1,
        `a frame for stream ${JSON.stringify(envelope.stream)}, which has closed`,
      );
      return undefined;
    }
    return runner.deliver(JSON.stringify(envelope.payload));
  }

  async websocket_disconnect(event: WebsocketDisconnectEvent): Promise<void> {
    const code = typeof event.code === "number" ? event.code : 1005;
    await this.#endStreams(code);
    await this.disconnect(code);
    throw new StopConsumer();
  }

  /** Called once the socket is closed and every stream's disconnect has run. */
  async disconnect(_code: number): Promise<void> {}

  /** Tells every stream not yet told that the socket is gone, and waits for them all to end. */
  #endStreams(code: number): Promise<void> {
    this.#closing = true;
    const ended: Array<Promise<void>> = [];
    for (const runner of this.#runners.values()) {
      runner.socketClosed(code);
      ended.push(runner.ended);
    }
    return Promise.all(ended).then(() => undefined);
  }

  #sendText(text: string): Promise<void> {
    return this.#closing ? DONE : this.baseSend({ type: "websocket.send", text });
  }

  #makeHost(): StreamHost {
    return {
      sendText: (text) => this.#sendText(text),
      streamClosed: (code, reason) => this.#streamClosed(code, reason),
      streamFailed: (stream, error) =>
        this.logger.error(`Exception inside stream ${JSON.stringify(stream)} of WebSocket ${this.scope.path}`, error),
    };
  }

  /** When the last stream has ended, so does the socket, with that stream's close code. */
  #streamClosed(code: number, reason: string): void {
    this.#lastClose = { code, reason };
    if (--this.#openStreams > 0 || this.#closing) return;
    const last = this.#lastClose;
    this.close(last.code, last.reason).catch((error: unknown) =>
      this.logger.error(`Closing WebSocket ${this.scope.path} after its last stream ended failed`, error),
    );
  }
}

/** `Demultiplexer.streams` is empty or maps a name to something that cannot serve a stream (or `maxPendingFrames` is not a positive integer). */
export class InvalidStreams extends ChannelsError {
  constructor(message: string) {
    super(ErrorCode.INVALID_STREAMS, message);
  }
}

/** The stream map's entries, or an error naming what is wrong with it. */
function checkedStreams(streams: StreamMap): Array<[string, StreamTarget]> {
  const entries = typeof streams === "object" && streams !== null ? Object.entries(streams) : [];
  if (entries.length === 0) {
    throw new InvalidStreams(
      `Demultiplexer.streams must map at least one stream name to a consumer class, got ${JSON.stringify(streams)}; ` +
        "pass Demultiplexer.asApp({ streams: { name: SomeConsumer } }).",
    );
  }
  for (const [name, target] of entries) {
    if (name === "")
      throw new InvalidStreams('Demultiplexer stream names must be non-empty strings; rename the "" stream.');
    if (typeof target !== "function") {
      throw new InvalidStreams(
        `Demultiplexer stream ${JSON.stringify(name)} maps to ${typeof target}; give a consumer class or an application.`,
      );
    }
  }
  return entries;
}

reserveFrameworkNames(Demultiplexer.prototype, ["websocket_connect", "websocket_receive", "websocket_disconnect"]);
