import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer, RawData } from "ws";
import type {
  SendEvent,
  WebsocketAcceptEvent,
  WebsocketCloseEvent,
  WebsocketConnectEvent,
  WebsocketInboundEvent,
  WebsocketScope,
  WebsocketSendEvent,
} from "@channels-ts/core";
import { ProtocolError } from "@channels-ts/core";
import { acceptHeaderLines } from "./accept-headers";
import { closeCodeFor, isRouteNotFound, isStopConsumer, superviseApplication, typeOf } from "./app-runner";
import { ERROR_CLOSE_CODES, isSendableCloseCode } from "./close-codes";
import { Release, type Connection, type ServerContext } from "./connection";
import { refuseHandshake } from "./handshake";
import type { Heartbeat, HeartbeatMember } from "./heartbeat";
import { escapeLogText } from "./log-text";
import { MessageQueue } from "./message-queue";
import type { FrameCache } from "./shared-frame";
import { buildWebsocketScope, clientLabel } from "./scope";
import type { AcceptDetails } from "./websocket-server";
import { corkUntilNextTick } from "./write-coalescer";

export interface WebsocketContext extends ServerContext {
  readonly wss: WebSocketServer;
  readonly handshakes: WeakMap<IncomingMessage, AcceptDetails>;
  readonly heartbeat: Heartbeat;
  /** Frames a text or binary message once for every socket it goes to in this turn of the loop. */
  readonly frames: FrameCache;
}

type State = "connecting" | "open" | "closing" | "closed";

const CONNECT: WebsocketConnectEvent = Object.freeze({ type: "websocket.connect" });
const SENT: Promise<void> = Promise.resolve();

/**
 * One WebSocket served by the application: the handshake waits for `websocket.accept` (or is
 * refused on `websocket.close`), frames become `websocket.receive` events, and the end of the
 * connection, whoever causes it, becomes exactly one `websocket.disconnect`.
 */
export class WebsocketConnection implements Connection, HeartbeatMember {
  readonly released: Promise<void>;
  private readonly scope: WebsocketScope;
  private readonly release: Release;
  private readonly queue: MessageQueue<WebsocketInboundEvent>;
  private readonly client: string;
  /** The path as it may appear in a log line (the decoded path can hold control characters). */
  private readonly logPath: string;
  private state: State = "connecting";
  private ws: WebSocket | undefined;
  private acceptTimer: NodeJS.Timeout | undefined;
  private disconnected = false;
  /** Close code the server sent for a limit or protocol error; reported if the peer never answers. */
  private serverCloseCode: number | undefined;
  private pingSentAt = 0;
  private lastPingAt = Date.now();
  private readonly onSocketGone = (): void => this.disconnect(1006, "");
  private readonly onSocketEnd = (): void => {
    this.socket.destroy();
    this.disconnect(1006, "");
  };
  /** Bytes that arrived before the handshake completed; handed to `ws` with `head`. */
  private early: Buffer[] = [];
  private earlyBytes = 0;
  private readonly onEarlyData = (chunk: Buffer): void => {
    // A client must not send frames before the 101; bound what a misbehaving one can make us hold.
    this.earlyBytes += chunk.length;
    if (this.earlyBytes > this.context.options.maxPayload) this.socket.destroy();
    else this.early.push(chunk);
  };

  constructor(
    private readonly context: WebsocketContext,
    private readonly req: IncomingMessage,
    private readonly socket: Duplex,
    private readonly head: Buffer,
    rootPath: string,
  ) {
    this.scope = buildWebsocketScope(req, context.options, rootPath);
    this.client = clientLabel(this.scope.client);
    this.logPath = escapeLogText(this.scope.path);
    this.release = new Release(context, () => `WebSocket ${this.logPath}`);
    // Backpressure: past maxQueuedMessages unread, stop reading the socket until the application catches up.
    this.queue = new MessageQueue(context.options.maxQueuedMessages, {
      pause: () => this.ws?.pause(),
      resume: () => this.ws?.resume(),
    });
    this.released = this.release.released;
  }

  start(): void {
    this.socket.on("error", this.onSocketGone);
    this.socket.on("close", this.onSocketGone);
    // node:http sockets allow half-open connections: a client's FIN shows as "end", not "close".
    this.socket.on("end", this.onSocketEnd);
    // Reading is the only way to notice a client that leaves while the application decides.
    this.socket.on("data", this.onEarlyData);
    this.context.connections.add(this);
    void this.released.then(() => this.context.connections.delete(this));
    this.context.accessLog.websocket(this.client, "WSCONNECTING", this.scope.path);
    this.acceptTimer = setTimeout(() => this.onAcceptTimeout(), this.context.options.acceptTimeoutMs);
    this.queue.push(CONNECT);
    superviseApplication(this.context.app, this.scope, this.queue.receive, this.send, this.onAppEnd, this.onFault);
  }

  shutdown(): void {
    if (this.state === "connecting") this.refuse(503);
    else if (this.state === "open") this.closeWith(1001, "server shutting down");
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
  private readonly send = (event: SendEvent): Promise<void> => {
    try {
      this.handleSend(event);
      return SENT;
    } catch (error) {
      return Promise.reject(error);
    }
  };

  private handleSend(event: SendEvent): void {
    // `?.`: a JavaScript application can send null.
    switch (event?.type) {
      case "websocket.send":
        return this.sendFrame(event);
      case "websocket.accept":
        if (this.state === "connecting") return this.accept(event);
        if (this.state === "open") throw new ProtocolError(`WebSocket ${this.scope.path} is already accepted.`);
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
      throw new ProtocolError(
        `websocket.send before websocket.accept on ${this.scope.path}; accept the connection first.`,
      );
    }
    // As Daphne: frames sent after the connection is closing are dropped.
    if (ws === undefined || this.state !== "open") return;
    const { text, bytes } = event;
    corkUntilNextTick(this.socket);
    if (typeof text === "string" && (bytes === undefined || bytes === null)) this.context.frames.send(ws, text);
    else if (bytes instanceof Uint8Array && (text === undefined || text === null)) this.context.frames.send(ws, bytes);
    else throw new ProtocolError("websocket.send needs exactly one of text (a string) or bytes (a Uint8Array).");
    if (ws.bufferedAmount > this.context.options.maxBufferedBytes) {
      this.context.logger.warn(
        `WebSocket ${this.logPath} from ${this.client} has ${ws.bufferedAmount} bytes queued ` +
          `(maxBufferedBytes ${this.context.options.maxBufferedBytes}); closing it with 1013`,
      );
      this.serverCloseCode = 1013;
      this.closeWith(1013, "client too slow");
    }
  }

  private accept(event: WebsocketAcceptEvent): void {
    const subprotocol = event.subprotocol ?? undefined;
    if (
      subprotocol !== undefined &&
      (typeof subprotocol !== "string" || !this.scope.subprotocols.includes(subprotocol))
    ) {
      throw new ProtocolError(
        `websocket.accept chose subprotocol ${JSON.stringify(subprotocol)}, which the client did not offer ` +
          `(offered: ${JSON.stringify(this.scope.subprotocols)}); pick one of those or none.`,
      );
    }
    const headerLines = acceptHeaderLines(event.headers);
    this.clearAcceptTimer();
    this.context.handshakes.set(this.req, { subprotocol, headerLines });
    this.socket.off("data", this.onEarlyData);
    const head = this.early.length === 0 ? this.head : Buffer.concat([this.head, ...this.early]);
    this.early = [];
    // `ws` calls back synchronously on success (so no data event can fall between our listener
    // and its own); if the client already left, it destroys the socket without calling back,
    // and the socket listeners report the disconnect.
    this.context.wss.handleUpgrade(this.req, this.socket, head, (ws) => this.onOpen(ws));
  }

  private onOpen(ws: WebSocket): void {
    this.socket.off("error", this.onSocketGone);
    this.socket.off("close", this.onSocketGone);
    this.socket.off("end", this.onSocketEnd);
    this.ws = ws;
    if (this.disconnected) {
      ws.terminate();
      return;
    }
    this.state = "open";
    ws.on("message", this.onMessage);
    ws.on("close", this.onClose);
    ws.on("error", this.onError);
    ws.on("pong", this.onPong);
    this.context.accessLog.websocket(this.client, "WSCONNECT", this.scope.path);
    this.context.heartbeat.add(this);
  }

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    this.pingSentAt = 0; // any frame proves the peer is alive
    // Once our close frame is out the socket reads on unpaused (for the peer's close frame);
    // what comes before that frame is dropped, so a peer cannot refill the queue meanwhile.
    if (this.state !== "open") return;
    const buffer = data as Buffer; // binaryType "nodebuffer": always one Buffer
    this.queue.push(
      isBinary ? { type: "websocket.receive", bytes: buffer } : { type: "websocket.receive", text: buffer.toString() },
    );
  };

  private readonly onPong = (): void => {
    this.pingSentAt = 0;
  };

  private readonly onError = (err: Error): void => {
    const code = (err as { code?: string }).code;
    this.serverCloseCode = (code !== undefined ? ERROR_CLOSE_CODES[code] : undefined) ?? 1002;
    this.context.logger.debug(`WebSocket ${this.logPath} from ${this.client}: ${err.message}`);
  };

  private readonly onClose = (code: number, reason: Buffer): void => {
    this.context.heartbeat.delete(this);
    this.disconnect(
      code === 1006 && this.serverCloseCode !== undefined ? this.serverCloseCode : code,
      reason.toString(),
    );
  };

  /** Delivers the one `websocket.disconnect` of this connection. */
  private disconnect(code: number, reason: string): void {
    if (this.disconnected) return;
    this.disconnected = true;
    const wasOpen = this.state !== "connecting";
    this.state = "closed";
    this.clearAcceptTimer();
    this.queue.push(
      reason === "" ? { type: "websocket.disconnect", code } : { type: "websocket.disconnect", code, reason },
    );
    if (wasOpen) this.context.accessLog.websocket(this.client, "WSDISCONNECT", this.scope.path);
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
    this.context.accessLog.websocket(this.client, "WSREJECT", this.scope.path);
    refuseHandshake(this.socket, status);
    this.disconnect(1006, "");
  }

  private onAcceptTimeout(): void {
    this.acceptTimer = undefined;
    this.context.logger.warn(
      `WebSocket ${this.logPath} from ${this.client} was neither accepted nor closed within ` +
        `${this.context.options.acceptTimeoutMs} ms (acceptTimeoutMs); refusing it`,
    );
    this.refuse(403);
  }

  private clearAcceptTimer(): void {
    if (this.acceptTimer !== undefined) clearTimeout(this.acceptTimer);
    this.acceptTimer = undefined;
  }

  private readonly onAppEnd = (err: unknown): void => {
    this.release.settle();
    const path = this.logPath;
    if (err !== undefined && !isStopConsumer(err)) {
      if (isRouteNotFound(err) && this.state === "connecting") {
        this.context.logger.warn({ path: this.scope.path }, `Not Found: WebSocket ${path} (${(err as Error).message})`);
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
  };

  /** Ending the connection failed: drop it rather than let the error take the process down. */
  private readonly onFault = (fault: unknown): void => {
    this.release.settle();
    this.terminate();
    this.context.logger.error(
      { err: fault },
      `Internal error while ending WebSocket ${this.logPath}; connection dropped`,
    );
  };
}
