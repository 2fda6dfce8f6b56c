import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from "node:http";
import type { HttpDisconnectEvent, HttpInboundEvent, HttpRequestEvent, HttpScope, SendEvent } from "@channels-ts/core";
import { ProtocolError } from "@channels-ts/core";
import { EMPTY, isRouteNotFound, isStopConsumer, superviseApplication, toBytes, typeOf } from "./app-runner";
import { Release, type Connection, type ServerContext } from "./connection";
import { escapeLogText } from "./log-text";
import { buildHttpScope, clientLabel } from "./scope";

const DISCONNECT: HttpDisconnectEvent = Object.freeze({ type: "http.disconnect" });

type State = "waiting" | "started" | "complete";

function statusHasBody(status: number, method: string): boolean {
  return method !== "HEAD" && status >= 200 && status !== 204 && status !== 304;
}

/** Flattens ASGI header pairs into Node's raw `[name, value, name, value]` form, keeping duplicates. */
function flattenHeaders(headers: unknown): { flat: string[]; hasLength: boolean } {
  if (headers === undefined) return { flat: [], hasLength: false };
  if (!Array.isArray(headers))
    throw new ProtocolError("http.response.start headers must be an array of [name, value] pairs.");
  const flat: string[] = [];
  let hasLength = false;
  for (const pair of headers as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new ProtocolError(`http.response.start header ${JSON.stringify(pair)} is not a [name, value] pair.`);
    }
    const name = pair[0] instanceof Uint8Array ? Buffer.from(pair[0]).toString("latin1") : String(pair[0]);
    const value = pair[1] instanceof Uint8Array ? Buffer.from(pair[1]).toString("latin1") : String(pair[1]);
    checkHeader(name, value);
    const lower = name.toLowerCase();
    if (lower === "content-length" || lower === "transfer-encoding") hasLength = true;
    flat.push(name, value);
  }
  return { flat, hasLength };
}

/** node:http's own checks, made at `http.response.start` so the error is the application's and names the header. */
function checkHeader(name: string, value: string): void {
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
  } catch {
    throw new ProtocolError(
      `http.response.start header ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid HTTP header ` +
        "(the name must be an RFC 7230 token, the value must not hold control characters such as CR, LF or NUL).",
    );
  }
}

/**
 * One HTTP request served by the application. The request body is pulled from the socket only
 * as the application calls `receive()` (so a large upload is never held in memory), and each
 * `http.response.body` chunk is written as it comes, waiting for `drain` when the client is slow.
 */
export class HttpConnection implements Connection {
  private readonly scope: HttpScope;
  private readonly release: Release;
  private state: State = "waiting";
  private disconnected = false;
  private bodyDone = false;
  private status = 200;
  private headers: { flat: string[]; hasLength: boolean } = { flat: [], hasLength: false };
  private bytesSent = 0;
  private waiters: Array<(event: HttpInboundEvent) => void> = [];

  constructor(
    private readonly context: ServerContext,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    rootPath: string,
  ) {
    this.scope = buildHttpScope(req, context.options, rootPath);
    this.release = new Release(context, () => `HTTP ${this.scope.method} ${escapeLogText(this.scope.path)}`);
    this.released = this.release.released;
  }

  readonly released: Promise<void>;
  get protocol(): "http" {
    return "http";
  }

  get queuedBytes(): number {
    return this.res.writableLength;
  }

  start(): void {
    const { req, res } = this;
    req.on("error", () => this.onGone());
    res.on("error", () => this.onGone());
    res.on("close", () => this.onClose());
    this.context.connections.add(this);
    void this.release.released.then(() => this.context.connections.delete(this));
    superviseApplication(this.context.app, this.scope, this.receive, this.send, this.onAppEnd, this.onFault);
  }

  shutdown(): void {
    const res = this.res;
    // Finish what is in flight, but tell the client not to reuse the connection.
    if (!res.headersSent) {
      res.shouldKeepAlive = false;
      return;
    }
    // A response already streaming (server-sent events) may never end by itself: the
    // application hears http.disconnect and the response is ended here, so close() need
    // not wait out shutdownTimeoutMs for it.
    if (this.state !== "started" || this.disconnected || res.writableEnded) return;
    this.disconnected = true;
    this.state = "complete";
    // With a Content-Length of its own the response cannot end early and stay well-formed.
    if (this.headers.hasLength) res.destroy();
    else res.end();
    this.deliverDisconnect();
  }

  terminate(): void {
    this.res.destroy();
  }

  private readonly receive = (): Promise<HttpInboundEvent> => {
    if (this.disconnected || this.state === "complete") return Promise.resolve(DISCONNECT);
    if (!this.bodyDone) {
      const message = this.readBody();
      if (message !== undefined) return Promise.resolve(message);
    }
    return new Promise<HttpInboundEvent>((resolve) => {
      this.waiters.push(resolve);
      if (!this.bodyDone) this.awaitBody();
    });
  };

  /** Next body chunk if one is buffered (or the body is known to be over), else undefined. */
  private readBody(): HttpRequestEvent | undefined {
    const chunk = this.req.read() as Buffer | null;
    // `complete` is set once the whole body is in the stream's buffer, so an empty buffer
    // after this read means this chunk was the last one.
    const last = this.req.complete && this.req.readableLength === 0;
    if (chunk === null && !last) return undefined;
    if (last) this.bodyDone = true;
    return { type: "http.request", body: chunk ?? EMPTY, more_body: !last };
  }

  private awaitBody(): void {
    const req = this.req;
    const onReadable = (): void => {
      if (this.waiters.length === 0 || this.bodyDone) return cleanup();
      const message = this.readBody();
      if (message === undefined) return;
      cleanup();
      this.deliver(message);
    };
    const cleanup = (): void => {
      req.off("readable", onReadable);
      req.off("end", onReadable);
    };
    req.on("readable", onReadable);
    req.on("end", onReadable);
  }

  private deliver(event: HttpInboundEvent): void {
    const waiter = this.waiters.shift();
    if (waiter !== undefined) waiter(event);
  }

  private deliverDisconnect(): void {
    for (const waiter of this.waiters.splice(0)) waiter(DISCONNECT);
    this.release.startDeadline();
  }

  /** What the application is given as `send`; checks at run time what the types cannot (a JS application). */
  private readonly send = async (event: SendEvent): Promise<void> => {
    // `?.`: a JavaScript application can send null.
    switch (event?.type) {
      case "http.response.start":
        if (this.state !== "waiting") {
          throw new ProtocolError(`http.response.start sent twice for ${this.scope.method} ${this.scope.path}.`);
        }
        this.status = Number(event.status);
        if (!Number.isInteger(this.status) || this.status < 100 || this.status > 999) {
          throw new ProtocolError(
            `http.response.start status must be an integer HTTP status, got ${JSON.stringify(event.status)}.`,
          );
        }
        this.headers = flattenHeaders(event.headers);
        this.state = "started";
        return;
      case "http.response.body":
        if (this.state === "waiting") {
          throw new ProtocolError(
            "http.response.body sent before http.response.start; send the status and headers first.",
          );
        }
        // As Daphne: once the client is gone or the response is over, further sends are dropped.
        if (this.state === "complete" || this.disconnected) return;
        return this.writeBody(
          event.body === undefined ? EMPTY : toBytes(event.body, "http.response.body body"),
          event.more_body === true,
        );
      // Another protocol's events, named so that a new HTTP event type is a lint error here
      // (switch-exhaustiveness-check) rather than a silent fall into the default.
      case "websocket.accept":
      case "websocket.send":
      case "websocket.close":
      case "lifespan.startup.complete":
      case "lifespan.startup.failed":
      case "lifespan.shutdown.complete":
      case "lifespan.shutdown.failed":
      default:
        // ... or not an event at all: a JavaScript application sent null, an unknown type, ...
        throw new ProtocolError(
          `An HTTP application cannot send message type ${typeOf(event)}; ` +
            'use "http.response.start" then "http.response.body".',
        );
    }
  };

  private async writeBody(body: Uint8Array, more: boolean): Promise<void> {
    const res = this.res;
    if (!res.headersSent) {
      const { flat, hasLength } = this.headers;
      if (!more && !hasLength && statusHasBody(this.status, this.scope.method)) {
        flat.push("content-length", String(body.length));
      }
      res.writeHead(this.status, flat);
      // Streaming responses (server-sent events) must show their headers before the first event.
      if (more && body.length === 0) res.flushHeaders();
    }
    this.bytesSent += body.length;
    if (!more) {
      this.state = "complete";
      res.end(body);
      this.deliverDisconnect();
      return;
    }
    if (body.length > 0 && !res.write(body)) await this.drained();
  }

  private drained(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.res.off("drain", done);
        this.res.off("close", done);
        resolve();
      };
      this.res.on("drain", done);
      this.res.on("close", done);
    });
  }

  private onGone(): void {
    if (this.disconnected) return;
    this.disconnected = true;
    this.deliverDisconnect();
  }

  private onClose(): void {
    if (!this.res.writableFinished) this.onGone();
    else if (!this.bodyDone) this.req.resume(); // unread body: drain it so keep-alive can go on
    this.context.accessLog.http(
      clientLabel(this.scope.client),
      this.scope.method,
      this.req.url === undefined ? this.scope.path : (this.req.url.split("?", 1)[0] ?? ""),
      this.res.headersSent ? this.res.statusCode : undefined,
      this.bytesSent,
    );
  }

  private readonly onAppEnd = (err: unknown): void => {
    this.release.settle();
    const what = `${this.scope.method} ${escapeLogText(this.scope.path)}`;
    if (err !== undefined && !isStopConsumer(err)) {
      if (isRouteNotFound(err) && this.state === "waiting") {
        this.context.logger.warn({ path: this.scope.path }, `Not Found: ${what} (${(err as Error).message})`);
        this.respondPlain(404);
        return;
      }
      this.context.logger.error({ err }, `Exception inside application for HTTP ${what}`);
    } else if (this.state !== "complete" && !this.disconnected) {
      this.context.logger.error(`Application returned without completing the response to HTTP ${what}`);
    }
    const res = this.res;
    if (res.writableEnded) return; // the response is complete (or was ended on shutdown)
    // Until the headers are on the wire (http.response.start alone writes nothing) a 500 can still be sent.
    if (!res.headersSent && !this.disconnected) this.respondPlain(500);
    else res.destroy(); // headers are out: the only honest signal left
  };

  /** Ending the request failed: drop it rather than let the error take the process down. */
  private readonly onFault = (fault: unknown): void => {
    this.release.settle();
    this.res.destroy();
    const what = `${this.scope.method} ${escapeLogText(this.scope.path)}`;
    this.context.logger.error({ err: fault }, `Internal error while ending HTTP ${what}; connection dropped`);
  };

  private respondPlain(status: number): void {
    if (this.disconnected || this.res.headersSent) return;
    this.state = "complete";
    const text = `${status} ${STATUS_CODES[status] ?? ""}\n`;
    this.bytesSent += Buffer.byteLength(text);
    this.res.writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    this.res.end(text);
  }
}
