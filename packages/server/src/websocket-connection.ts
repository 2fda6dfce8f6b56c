import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { RawData } from "ws";
import type {
  DropReason,
  HostPort,
  SendEvent,
  WebsocketAcceptEvent,
  WebsocketCloseEvent,
  WebsocketConnectEvent,
  WebsocketInboundEvent,
  WebsocketScope,
  WebsocketSendEvent,
} from "@channels-ts/core";
import { DONE, ProtocolError } from "@channels-ts/core";
import { acceptHeaderLines } from "./accept-headers";
import { closeCodeFor, isRouteNotFound, isStopConsumer, runApplication, typeOf } from "./app-runner";
import { ERROR_CLOSE_CODES, isSendableCloseCode } from "./close-codes";
import { Release, type Connection, type ReleaseOwner, type ServerContext } from "./connection";
import type { DeadlineMember, DeadlineQueue } from "./deadline-queue";
import { refuseHandshake } from "./handshake";
import type { HandshakeLimits } from "./handshake-limits";
import type { Heartbeat, HeartbeatMember } from "./heartbeat";
import { escapeLogText } from "./log-text";
import { MessageQueue, type FlowControl } from "./message-queue";
import { buildWebsocketScope, clientLabel } from "./scope";
import type { FrameCache } from "./shared-frame";
import {
  serveSocket,
  type AcceptDetails,
  type ChannelsWebSocketServer,
  type ServedSocketEvents,
  type ServedWebSocket,
} from "./websocket-server";
import { CORK_FLUSH_BYTES, corkUntilNextTick, uncorkNow } from "./write-coalescer";

export interface WebsocketContext extends ServerContext {
  readonly wss: ChannelsWebSocketServer;
  readonly handshakes: WeakMap<IncomingMessage, AcceptDetails>;
  readonly heartbeat: Heartbeat;
  /** Frames a text or binary message once for every socket it goes to in this turn of the loop. */
  readonly frames: FrameCache;
  /** Every handshake's `acceptTimeoutMs`, on one timer. */
  readonly acceptDeadlines: DeadlineQueue;
  /** Handshakes in progress and WebSockets per client address; each connection reports its end. */
  readonly limits: HandshakeLimits;
  /** `maxMessagesPerSecond` / `maxMessageBurst` as GCRA's interval and tolerance; undefined: no limit. */
  readonly messageRate: { readonly intervalMs: number; readonly toleranceMs: number } | undefined;
}

type State = "connecting" | "open" | "closing" | "closed";

/** What a connection holds only while it waits for the application's `websocket.accept`. */
interface Handshake {
  /** The server's scope: the application keeps what it needs of it (a router keeps its own copy). */
  readonly scope: WebsocketScope;
  readonly req: IncomingMessage;
  readonly head: Buffer;
  /** Bytes that arrived before the handshake completed; handed to `ws` with `head`. */
  early: Buffer[] | undefined;
  earlyBytes: number;
}

const CONNECT: WebsocketConnectEvent = Object.freeze({ type: "websocket.connect" });
/** Core's shared resolved promise: a consumer that gets it back dispatches its next message at once. */
const SENT: Promise<void> = DONE;

/**
 * The connection each socket is handshaking for. The socket listeners of the handshake are
 * shared functions that look their connection up here, rather than closures made per connection;
 * an entry goes once `ws` takes the socket over.
 */
const handshaking = new WeakMap<Duplex, WebsocketConnection>();

/**
 * One WebSocket served by the application: the handshake waits for `websocket.accept` (or is
 * refused on `websocket.close`), frames become `websocket.receive` events, and the end of the
 * connection, whoever causes it, becomes exactly one `websocket.disconnect`.
 */
export class WebsocketConnection
  implements Connection, HeartbeatMember, FlowControl, ReleaseOwner, DeadlineMember, ServedSocketEvents
{
  /** Of the scope, what the log lines need for as long as the connection lives. */
  private readonly path: string;
  private readonly peer: HostPort | null;
  private readonly release: Release;
  private readonly queue: MessageQueue<WebsocketInboundEvent>;
  private state: State = "connecting";
  private ws: ServedWebSocket | undefined;
  /** Ticket of the accept deadline in `context.acceptDeadlines`; -1 once accepted or ended. */
  private acceptDeadline = -1;
  private disconnected = false;
  /** Close code the server sent for a limit or protocol error; reported if the peer never answers. */
  private serverCloseCode: number | undefined;
  /** Why the server closed it, when what is sent to it afterwards counts as dropped (1013, 1001). */
  private dropReason: DropReason | undefined;
  private pingSentAt = 0;
  /**
   * The message rate's theoretical arrival time (GCRA, performance.now() ms): one number instead
   * of a bucket's two, and no timer; 0 until the first message.
   */
  private rateTat = 0;
  private lastPingAt = Date.now();
  /** Only until `websocket.accept`: a live connection keeps neither the upgrade request nor its bytes. */
  private handshake: Handshake | undefined;

  constructor(
    private readonly context: WebsocketContext,
    req: IncomingMessage,
    private readonly socket: Duplex,
    head: Buffer,
    rootPath: string,
  ) {
    const scope = buildWebsocketScope(req, context.options, rootPath);
    this.path = scope.path;
    this.peer = scope.client ?? null;
    this.handshake = { scope, req, head, early: undefined, earlyBytes: 0 };
    // Released once the application has ended and the socket has closed: the address's place
    // (maxConnectionsPerAddress) and the entry in `connections` last as long as the socket does.
    this.release = new Release(context, this, true);
    // Backpressure: past maxQueuedMessages unread, stop reading the socket until the application catches up.
    this.queue = new MessageQueue(context.options.maxQueuedMessages, this);
    // Assigned here rather than as a class-field arrow: no name property per connection under tsx.
    this.send = (event) => {
      try {
        this.handleSend(event);
        return SENT;
      } catch (error) {
        return Promise.reject(error as Error);
      }
    };
  }

  get released(): Promise<void> {
    return this.release.released;
  }

  get protocol(): "websocket" {
    return "websocket";
  }

  get queuedBytes(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  /** ReleaseOwner */
  releaseLabel(): string {
    return `WebSocket ${this.logPath}`;
  }

  onReleased(): void {
    this.context.connections.delete(this);
    this.context.limits.left(this.peer?.[0]);
  }

  /** The handshake is over (accepted, refused, or the client left): it no longer counts as pending. */
  private endHandshake(): void {
    if (this.handshake === undefined) return;
    this.handshake = undefined;
    this.context.limits.handshakeEnded();
  }

  /** `ip:port` of the client, for log lines (made when one is written, not kept). */
  private get client(): string {
    return clientLabel(this.peer);
  }

  /** The path as it may appear in a log line (the decoded path can hold control characters). */
  private get logPath(): string {
    return escapeLogText(this.path);
  }

  /** FlowControl for the inbound queue: stop and restart reading the socket. */
  pause(): void {
    this.ws?.pause();
  }

  resume(): void {
    this.ws?.resume();
  }

  start(): void {
    const socket = this.socket;
    handshaking.set(socket, this);
    socket.on("error", WebsocketConnection.onHandshakeSocketGone);
    socket.on("close", WebsocketConnection.onHandshakeSocketClose);
    // node:http sockets allow half-open connections: a client's FIN shows as "end", not "close".
    socket.on("end", WebsocketConnection.onHandshakeSocketEnd);
    // Reading is the only way to notice a client that leaves while the application decides.
    socket.on("data", WebsocketConnection.onHandshakeData);
    this.context.connections.add(this);
    this.context.stats.websocketConnections++;
    // Gone before we listened: no close event is coming.
    if (socket.closed) this.release.socketClosed();
    this.context.accessLog.websocket(this.peer, "WSCONNECTING", this.path);
    this.acceptDeadline = this.context.acceptDeadlines.add(this);
    this.queue.push(CONNECT);
    // As superviseApplication, with one promise less: whatever ending the connection throws goes to onFault.
    runApplication(this.context.app, (this.handshake as Handshake).scope, this.queue.receive, this.send).then(
      () => this.appEnded(undefined),
      (err: unknown) => this.appEnded(err),
    );
  }

  private appEnded(err: unknown): void {
    try {
      this.onAppEnd(err);
    } catch (fault) {
      try {
        this.onFault(fault);
      } catch {
        // Nothing is left to report to; staying alive matters more.
      }
    }
  }

  // The handshake's socket listeners, shared by every connection (`this` is the socket).
  private static onHandshakeSocketGone(this: Duplex): void {
    handshaking.get(this)?.socketGone();
  }

  private static onHandshakeSocketClose(this: Duplex): void {
    const connection = handshaking.get(this);
    if (connection === undefined) return;
    connection.socketGone();
    connection.release.socketClosed();
  }

  private static onHandshakeSocketEnd(this: Duplex): void {
    this.destroy();
    handshaking.get(this)?.socketGone();
  }

  private static onHandshakeData(this: Duplex, chunk: Buffer): void {
    handshaking.get(this)?.earlyData(chunk);
  }

  /** The socket closed or failed before `ws` took it over. */
  private socketGone(): void {
    this.disconnect(1006, "");
  }

  private earlyData(chunk: Buffer): void {
    const handshake = this.handshake;
    if (handshake === undefined) return;
    // A client must not send frames before the 101; bound what a misbehaving one can make us hold.
    handshake.earlyBytes += chunk.length;
    if (handshake.earlyBytes > this.context.options.maxPayload) this.socket.destroy();
    else (handshake.early ??= []).push(chunk);
  }

  shutdown(): void {
    if (this.state === "connecting") this.refuse(503);
    else if (this.state === "open") {
      this.dropReason = "shutting down";
      this.closeWith(1001, "server shutting down");
    }
  }

  terminate(): void {
    if (this.ws !== undefined) this.ws.terminate();
    else this.socket.destroy();
  }

  heartbeat(now: number): void {
    const ws = this.ws;
    if (ws === undefined || this.state !== "open") return;
    if (ws.isPaused) {
      // A paused socket is not read, so its pong could not be seen; the peer is not judged until the application catches up.
      this.pingSentAt = 0;
      this.lastPingAt = now;
      return;
    }
    const { pingIntervalMs, pongTimeoutMs } = this.context.options;
    if (this.pingSentAt !== 0) {
      if (now - this.pingSentAt < pongTimeoutMs) return;
      this.context.logger.debug(
        `WebSocket ${this.logPath} from ${this.client}: no pong in ${pongTimeoutMs} ms; dropping it`,
      );
      ws.terminate();
      return;
    }
    if (now - this.lastPingAt < pingIntervalMs) return;
    this.pingSentAt = this.lastPingAt = now;
    ws.ping();
  }

  /**
   * What the application is given as `send`; checks at run time what the types cannot (a JavaScript
   * application). Not `async`: a frame costs no promise of its own (`SENT` is shared), and a
   * mistake still reaches the application as a rejection.
   */
  private readonly send: (event: SendEvent) => Promise<void>;

  private handleSend(event: SendEvent): void {
    // `?.`: a JavaScript application can send null.
    switch (event?.type) {
      case "websocket.send":
        return this.sendFrame(event);
      case "websocket.accept":
        if (this.state === "connecting") return this.accept(event);
        if (this.state === "open") throw new ProtocolError(`WebSocket ${this.path} is already accepted.`);
        return;
      case "websocket.close":
        if (this.state === "connecting") this.refuse(403);
        else if (this.state === "open") this.closeWithEvent(event);
        return;
      // Another protocol's events, named so that a new WebSocket event type is a lint error here
      // (switch-exhaustiveness-check) rather than a silent fall into the default.
      case "http.response.start":
      case "http.response.body":
      case "lifespan.startup.complete":
      case "lifespan.startup.failed":
      case "lifespan.shutdown.complete":
      case "lifespan.shutdown.failed":
      default:
        // ... or not an event at all: a JavaScript application sent null, an unknown type, ...
        throw new ProtocolError(
          `A WebSocket application cannot send message type ${typeOf(event)}; ` +
            'use "websocket.accept", "websocket.send" or "websocket.close".',
        );
    }
  }

  private sendFrame(event: WebsocketSendEvent): void {
    const ws = this.ws;
    if (this.state === "connecting") {
      throw new ProtocolError(`websocket.send before websocket.accept on ${this.path}; accept the connection first.`);
    }
    // As Daphne: frames sent after the connection is closing are dropped; counted when the server
    // closed it (slow client, shutdown), not when the client left (nobody is there to lose them).
    if (ws === undefined || this.state !== "open") {
      if (this.dropReason !== undefined) this.context.drops.report(this.dropReason, {}, 1, this.dropDetail());
      return;
    }
    const { text, bytes } = event;
    corkUntilNextTick(this.socket);
    if (typeof text === "string" && (bytes === undefined || bytes === null)) this.context.frames.send(ws, text);
    else if (bytes instanceof Uint8Array && (text === undefined || text === null)) this.context.frames.send(ws, bytes);
    else throw new ProtocolError("websocket.send needs exactly one of text (a string) or bytes (a Uint8Array).");
    this.context.stats.messagesSent++;
    const { maxBufferedBytes } = this.context.options;
    // What a tick's cork holds is not the client's backlog: flush it before judging the client,
    // and early for a burst, so that a client that reads is never closed for what we held back.
    if (this.socket.writableLength > Math.min(CORK_FLUSH_BYTES, maxBufferedBytes / 4)) uncorkNow(this.socket);
    if (ws.bufferedAmount > maxBufferedBytes) {
      this.context.logger.warn(
        `WebSocket ${this.logPath} from ${this.client} has ${ws.bufferedAmount} bytes queued ` +
          `(maxBufferedBytes ${this.context.options.maxBufferedBytes}); closing it with 1013`,
      );
      this.serverCloseCode = 1013;
      // One per close: what is still queued may yet reach a client that reads during the close
      // handshake, so it is not counted message by message; every frame sent from now on is.
      this.context.drops.report("client too slow", {}, 1, this.dropDetail(ws.bufferedAmount));
      this.dropReason = "client too slow";
      this.closeWith(1013, "client too slow");
    }
  }

  private accept(event: WebsocketAcceptEvent): void {
    const handshake = this.handshake;
    // Accepted once already, and `ws` dropped the socket of a client that had left: its close is on the way.
    if (handshake === undefined) return;
    const subprotocol = event.subprotocol ?? undefined;
    const offered = handshake.scope.subprotocols;
    if (subprotocol !== undefined && (typeof subprotocol !== "string" || !offered.includes(subprotocol))) {
      // The offered list is not echoed: a client may carry a token in it (["access_token", token]).
      throw new ProtocolError(
        `websocket.accept chose subprotocol ${JSON.stringify(subprotocol)}, which is not one of the ` +
          `${offered.length} the client offered (scope.subprotocols); pick one of those or none.`,
      );
    }
    const headerLines = acceptHeaderLines(event.headers);
    this.endHandshake();
    this.clearAcceptTimer();
    const { req, head: firstBytes, early } = handshake;
    const socket = this.socket;
    const handshakes = this.context.handshakes;
    if (subprotocol !== undefined || headerLines.length !== 0) handshakes.set(req, { subprotocol, headerLines });
    // `ws` adds its own listeners next; ours for data and end go first, so that the socket's
    // listener lists stay short (an EventEmitter list that grew past two keeps its slack).
    // Both events come asynchronously, after handleUpgrade has returned.
    socket.off("data", WebsocketConnection.onHandshakeData);
    socket.off("end", WebsocketConnection.onHandshakeSocketEnd);
    const head = early === undefined ? firstBytes : Buffer.concat([firstBytes, ...early]);
    // `ws` calls back synchronously on success (so no data event can fall between our listener
    // and its own); if the client already left, it destroys the socket without calling back,
    // and the socket listeners (error and close) report the disconnect.
    this.context.wss.handleUpgrade(req, socket, head, (ws) => this.onOpen(ws));
    handshakes.delete(req);
  }

  private onOpen(ws: ServedWebSocket): void {
    this.ws = ws;
    if (this.disconnected) {
      // The handshake's close listener stays, to see the socket go.
      ws.terminate();
      return;
    }
    this.socket.off("error", WebsocketConnection.onHandshakeSocketGone);
    this.socket.off("close", WebsocketConnection.onHandshakeSocketClose);
    handshaking.delete(this.socket);
    this.state = "open";
    serveSocket(ws, this);
    this.context.accessLog.websocket(this.peer, "WSCONNECT", this.path);
    this.context.heartbeat.add(this);
  }

  /** ServedSocketEvents: a frame from the peer. */
  onMessage(data: RawData, isBinary: boolean): void {
    this.pingSentAt = 0; // any frame proves the peer is alive
    // Once our close frame is out the socket reads on unpaused (for the peer's close frame);
    // what comes before that frame is dropped, so a peer cannot refill the queue meanwhile.
    if (this.state !== "open") {
      if (this.dropReason === "shutting down") this.context.drops.report("shutting down", {}, 1, this.dropDetail());
      return;
    }
    this.context.stats.messagesReceived++;
    const rate = this.context.messageRate;
    if (rate !== undefined) {
      const now = performance.now();
      const tat = this.rateTat > now ? this.rateTat : now;
      if (tat - now > rate.toleranceMs) return this.rateLimited();
      this.rateTat = tat + rate.intervalMs;
    }
    const buffer = data as Buffer; // binaryType "nodebuffer": always one Buffer
    this.queue.push(
      isBinary ? { type: "websocket.receive", bytes: buffer } : { type: "websocket.receive", text: buffer.toString() },
    );
  }

  /** Past `maxMessagesPerSecond` and its burst: the message is dropped (counted, once) and the client closed with 1008. */
  private rateLimited(): void {
    const { maxMessagesPerSecond, maxMessageBurst } = this.context.options;
    this.context.drops.report(
      "rate limited",
      {},
      1,
      `${this.dropDetail()} over maxMessagesPerSecond ${maxMessagesPerSecond} (maxMessageBurst ${maxMessageBurst}); closed with 1008`,
    );
    this.serverCloseCode = 1008;
    this.closeWith(1008, "rate limited");
  }

  /** What a drop's log line says of this connection (made only when a drop is reported). */
  private dropDetail(queuedBytes?: number): string {
    const queued = queuedBytes === undefined ? "" : ` with ${queuedBytes} bytes queued`;
    return `WebSocket ${this.logPath} from ${this.client}${queued}`;
  }

  onPong(): void {
    this.pingSentAt = 0;
  }

  onError(err: Error): void {
    const code = (err as { code?: string }).code;
    this.serverCloseCode = (code !== undefined ? ERROR_CLOSE_CODES[code] : undefined) ?? 1002;
    this.context.logger.debug(`WebSocket ${this.logPath} from ${this.client}: ${err.message}`);
  }

  /** ServedSocketEvents: `ws` emits close once the socket itself has closed. */
  onClose(code: number, reason: Buffer): void {
    this.context.heartbeat.delete(this);
    this.disconnect(
      code === 1006 && this.serverCloseCode !== undefined ? this.serverCloseCode : code,
      reason.toString(),
    );
    this.release.socketClosed();
  }

  /** Delivers the one `websocket.disconnect` of this connection. */
  private disconnect(code: number, reason: string): void {
    if (this.disconnected) return;
    this.disconnected = true;
    const wasOpen = this.state !== "connecting";
    this.endHandshake();
    this.state = "closed";
    this.clearAcceptTimer();
    this.queue.push(
      reason === "" ? { type: "websocket.disconnect", code } : { type: "websocket.disconnect", code, reason },
    );
    if (wasOpen) this.context.accessLog.websocket(this.peer, "WSDISCONNECT", this.path);
    this.release.startDeadline();
  }

  private closeWithEvent(event: WebsocketCloseEvent): void {
    const code = event.code ?? 1000;
    const reason = event.reason ?? "";
    if (!isSendableCloseCode(code)) {
      throw new ProtocolError(
        `websocket.close code must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 codes a peer may send), got ${JSON.stringify(code)}.`,
      );
    }
    if (typeof reason !== "string" || Buffer.byteLength(reason) > 123) {
      throw new ProtocolError("websocket.close reason must be a string of at most 123 UTF-8 bytes.");
    }
    this.closeWith(code, reason);
  }

  private closeWith(code: number, reason: string): void {
    if (this.ws === undefined || this.state !== "open") return;
    this.state = "closing";
    this.queue.detach();
    this.ws.close(code, reason);
  }

  /** Refuses the handshake with an HTTP status (403 for a close before accept, as Daphne). */
  private refuse(status: number): void {
    if (this.state !== "connecting") return;
    this.clearAcceptTimer();
    this.context.accessLog.websocket(this.peer, "WSREJECT", this.path, status);
    refuseHandshake(this.socket, status);
    this.disconnect(1006, "");
  }

  /** DeadlineMember: `acceptTimeoutMs` has passed since the handshake began. */
  deadlinePassed(): void {
    this.acceptDeadline = -1;
    this.context.logger.warn(
      `WebSocket ${this.logPath} from ${this.client} was neither accepted nor closed within ` +
        `${this.context.options.acceptTimeoutMs} ms (acceptTimeoutMs); refusing it`,
    );
    this.refuse(403);
  }

  private clearAcceptTimer(): void {
    if (this.acceptDeadline !== -1) this.context.acceptDeadlines.cancel(this.acceptDeadline);
    this.acceptDeadline = -1;
  }

  private onAppEnd(err: unknown): void {
    this.release.settle();
    const path = this.logPath;
    if (err !== undefined && !isStopConsumer(err)) {
      if (isRouteNotFound(err) && this.state === "connecting") {
        this.context.logger.warn({ path: this.path }, `Not Found: WebSocket ${path} (${(err as Error).message})`);
        this.refuse(404);
        return;
      }
      this.context.logger.error({ err }, `Exception inside application for WebSocket ${path}`);
      this.refuse(500);
      this.closeWith(closeCodeFor(err), "");
      return;
    }
    if (this.state === "connecting") {
      this.context.logger.error(`Application returned without accepting or closing WebSocket ${path}`);
      this.refuse(500);
    } else {
      this.closeWith(1000, "");
    }
  }

  /** Ending the connection failed: drop it rather than let the error take the process down. */
  private onFault(fault: unknown): void {
    this.release.settle();
    this.terminate();
    this.context.logger.error(
      { err: fault },
      `Internal error while ending WebSocket ${this.logPath}; connection dropped`,
    );
  }
}
