import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { DEFAULT_DROP_WARN_INTERVAL_MS, DropCounter, decodePath, type Application } from "@channels-ts/core";
import type { Registry } from "prom-client";
import { AccessLog } from "./access-log";
import type { Connection } from "./connection";
import { DeadlineQueue } from "./deadline-queue";
import { handshakeProblem, refuseHandshake } from "./handshake";
import { HandshakeLimits, type Refusal } from "./handshake-limits";
import { OriginCheck } from "./origin-check";
import { Heartbeat } from "./heartbeat";
import { FrameCache } from "./shared-frame";
import { HttpConnection } from "./http-connection";
import { Lifespan } from "./lifespan";
import type { ResolvedServerOptions } from "./options";
import { Probes } from "./probes";
import { RateLimitedWarning } from "./rate-limited-warning";
import { resolveClient, splitTarget } from "./scope";
import type { ServerMetrics } from "./server-metrics";
import { ServerStats } from "./server-stats";
import { WebsocketConnection, type WebsocketContext } from "./websocket-connection";
import { createWebsocketServer, type AcceptDetails } from "./websocket-server";

const ignore = (): void => undefined;

/**
 * The per-connection message rate, or undefined when it is off: the rate 0 or Infinity, or an
 * unbounded burst (Infinity). A burst of 0 is no burst, as 1: one message per interval; it does
 * not turn the limit off, so that a setting meant to be strict cannot remove the limit.
 */
function messageRate(options: ResolvedServerOptions): { intervalMs: number; toleranceMs: number } | undefined {
  const { maxMessagesPerSecond: rate, maxMessageBurst: burst } = options;
  if (!(rate > 0 && rate < Infinity && burst < Infinity)) return undefined;
  // GCRA, the token bucket as one number per connection: each message advances a theoretical
  // arrival time by one interval; a client more than `burst - 1` intervals ahead has run out.
  const intervalMs = 1000 / rate;
  return { intervalMs, toleranceMs: (Math.max(burst, 1) - 1) * intervalMs };
}

/** `METHOD /path` of a request node:http could not finish reading, or `-` (the line is incomplete too). */
function requestOf(rawPacket: unknown): string {
  if (!Buffer.isBuffer(rawPacket)) return "-";
  const text = rawPacket.subarray(0, 512).toString("latin1");
  const line = /^([A-Z]{1,16}) (\S{1,400}) HTTP\/1\.[01]\r?\n/.exec(text);
  if (line === null) return "-";
  return /\r?\nupgrade:[ \t]*websocket/i.test(text) ? `WSREJECT ${line[2]}` : `${line[1]} ${line[2]}`;
}

/**
 * The protocol server behind both `serve()` and `attach()`: turns requests and upgrades into
 * application instances, keeps the set of live connections, and drains them on shutdown.
 * It owns no listening socket; whoever owns the node:http server wires these handlers to it.
 */
export class ChannelsServer {
  private readonly context: WebsocketContext;
  private readonly lifespan: Lifespan | undefined;
  private readonly metrics: ServerMetrics | undefined;
  private readonly probes: Probes;
  private closing: Promise<void> | undefined;
  private readonly originCheck: OriginCheck | undefined;
  /** Cross-site refusals: one line per interval, however many were refused. */
  private readonly originWarning: RateLimitedWarning;
  /** Requests whose head was too big (431) or too slow (408): one line per interval each. */
  private readonly headerWarnings: Record<408 | 431, RateLimitedWarning>;
  private readonly limits: HandshakeLimits;
  /**
   * What this server drops, counted by reason, reported to core's `drops` hook (origin "server")
   * and logged at most once per reason per 10 s: "client too slow", "shutting down", and, for a
   * limit that refuses messages, "rate limited" (`drops.report("rate limited", {}, 1, detail)`).
   */
  readonly drops: DropCounter<"client too slow" | "shutting down" | "rate limited">;

  constructor(
    app: Application,
    readonly options: ResolvedServerOptions,
  ) {
    const handshakes = new WeakMap<IncomingMessage, AcceptDetails>();
    this.originCheck = options.checkOrigin ? new OriginCheck(options.allowedOrigins) : undefined;
    const tickMs = options.pingIntervalMs === 0 ? 0 : Math.min(options.pingIntervalMs, options.pongTimeoutMs);
    const logger = options.logger;
    this.drops = new DropCounter("server", { warn: (line) => logger.warn(line) }, DEFAULT_DROP_WARN_INTERVAL_MS, [
      "client too slow",
      "shutting down",
      "rate limited",
    ]);
    const warn = (line: string): void => logger.warn(line);
    this.originWarning = new RateLimitedWarning(
      warn,
      (count, latest) =>
        `refused ${count} cross-site WebSocket handshake(s) (403), latest ${latest}; ` +
        "allow it with allowedOrigins (--allowed-origins), or checkOrigin: false (--no-check-origin)",
    );
    this.headerWarnings = {
      408: new RateLimitedWarning(
        warn,
        (count, latest) =>
          `dropped ${count} request(s) (408) whose headers took longer than handshakeTimeoutMs (${options.handshakeTimeoutMs} ms), ` +
          `latest from ${latest}`,
      ),
      431: new RateLimitedWarning(
        warn,
        (count, latest) =>
          `refused ${count} request(s) (431) with headers over maxHeaderSize (${options.maxHeaderSize} bytes), latest from ${latest}`,
      ),
    };
    this.limits = new HandshakeLimits(options, logger);
    const connections = new Set<Connection>();
    const stats = new ServerStats();
    this.context = {
      app,
      options,
      logger: options.logger,
      accessLog: new AccessLog(options.accessLog ? options.logger : undefined),
      connections,
      stats,
      drops: this.drops,
      wss: createWebsocketServer(options, handshakes),
      handshakes,
      heartbeat: new Heartbeat(tickMs),
      frames: new FrameCache(),
      acceptDeadlines: new DeadlineQueue(options.acceptTimeoutMs),
      limits: this.limits,
      messageRate: messageRate(options),
    };
    this.lifespan = options.lifespan === "off" ? undefined : new Lifespan(app, options.logger, options.lifespan);
    this.metrics =
      options.metricsPath === null
        ? undefined
        : new (loadServerMetrics())({ stats, connections, layerAliases: options.layerAliases });
    this.probes = new Probes(options, this.metrics, () => this.closing !== undefined);
  }

  /** The metrics' registry (add your own metrics to it), or undefined when `metricsPath` is null. */
  get metricsRegistry(): Registry | undefined {
    return this.metrics?.registry;
  }

  /** True when the server answers some path itself (health, readiness, metrics). */
  get answersProbes(): boolean {
    return this.probes.any;
  }

  /** Says, once the server is taking requests, which paths it answers before the application. */
  announceProbes(): void {
    this.probes.announce(this.options.logger);
  }

  /** Answers `req` when it is for a health, readiness or metrics path; false otherwise. */
  readonly handleProbe = (req: IncomingMessage, res: ServerResponse): boolean => this.probes.handle(req, res);

  /** Live HTTP requests and WebSockets (for tests and metrics). */
  get connectionCount(): number {
    return this.context.connections.size;
  }

  get isClosing(): boolean {
    return this.closing !== undefined;
  }

  /** Runs lifespan startup; rejects with `LifespanStartupFailed` if the application reports failure. */
  async startup(): Promise<void> {
    await this.lifespan?.startup();
  }

  /** `rootPath` overrides `options.rootPath` for this request: the mount point `attach()` matched. */
  readonly handleRequest = (req: IncomingMessage, res: ServerResponse, rootPath = this.options.rootPath): void => {
    // Probes first: during the drain /readyz answers 503 (and /healthz 200) rather than the 503 below.
    if (this.probes.handle(req, res)) return;
    if (this.closing !== undefined) {
      res.writeHead(503, { connection: "close", "content-type": "text/plain; charset=utf-8" });
      res.end("503 Service Unavailable\n");
      return;
    }
    this.context.stats.httpRequests++;
    new HttpConnection(this.context, req, res, rootPath).start();
  };

  readonly handleUpgrade = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    rootPath = this.options.rootPath,
  ): void => {
    const problem: Refusal | { status: number; reason: undefined } | undefined =
      this.closing !== undefined ? { status: 503, reason: undefined } : (handshakeProblem(req) ?? this.crossSite(req));
    if (problem !== undefined) return this.refuse(req, socket, problem);
    const limited = this.limits.admit(resolveClient(req, this.options)?.[0]);
    if (limited !== undefined) return this.refuse(req, socket, limited);
    // The connection listens for errors itself from here on (and `ws` once it takes over).
    new WebsocketConnection(this.context, req, socket, head, rootPath).start();
  };

  /** Refuses a handshake before the application runs, with a WSREJECT line in the access log. */
  private refuse(req: IncomingMessage, socket: Duplex, problem: { status: number; reason: string | undefined }): void {
    socket.on("error", ignore); // a reset while refusing must not become an uncaught error
    if (this.options.accessLog) {
      const path = decodePath(splitTarget(req.url ?? "/").rawPath, "latin1");
      this.context.accessLog.websocket(resolveClient(req, this.options), "WSREJECT", path, problem.status);
    }
    refuseHandshake(socket, problem.status, problem.reason === undefined ? undefined : `${problem.reason}\n`);
  }

  /**
   * node:http's `clientError` for a request it could not read (`serve()` wires it): a head over
   * `maxHeaderSize` gets 431, one not complete within `handshakeTimeoutMs` 408, anything else
   * malformed 400; each with an access-log line, and the first two with a rate-limited warning.
   */
  readonly handleClientError = (err: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Duplex): void => {
    socket.on("error", ignore);
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const peer = socket as Duplex & { remoteAddress?: string; remotePort?: number };
    const client = peer.remoteAddress === undefined ? "-" : `${peer.remoteAddress}:${peer.remotePort ?? 0}`;
    if (status !== 400) this.headerWarnings[status].note(client);
    this.context.accessLog.rejected(client, requestOf(err.rawPacket), status);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nConnection: close\r\n\r\n`);
    socket.once("finish", () => socket.destroy());
  };

  /** A 403 for a handshake from another site's page, warned about at most once per interval. */
  private crossSite(req: IncomingMessage): Refusal | undefined {
    const origin = this.originCheck?.refused(req);
    if (origin === undefined) return undefined;
    this.originWarning.note(`Origin ${JSON.stringify(origin)} for Host ${JSON.stringify(req.headers.host ?? "")}`);
    return { status: 403, reason: "Origin not allowed" };
  }

  /**
   * Graceful shutdown, at most `shutdownTimeoutMs`: WebSockets are closed with 1001 and their
   * applications get `websocket.disconnect`; HTTP requests in flight finish without keep-alive;
   * whatever is still open at the deadline is dropped. Then lifespan shutdown. Idempotent.
   * Readiness drops first: from this call on, `readyzPath` answers 503.
   */
  shutdown(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  private async drain(): Promise<void> {
    const { connections, logger, heartbeat, wss } = this.context;
    const deadline = Date.now() + this.options.shutdownTimeoutMs;
    this.originWarning.flush();
    this.headerWarnings[408].flush();
    this.headerWarnings[431].flush();
    this.limits.flush();
    for (const connection of connections) connection.shutdown();
    if (!(await this.waitForConnections(this.options.shutdownTimeoutMs))) {
      logger.warn(
        `${connections.size} connection(s) still open after shutdownTimeoutMs (${this.options.shutdownTimeoutMs} ms); dropping them`,
      );
      for (const connection of connections) connection.terminate();
      // Give dropped connections' applications their disconnect, within the close timeout.
      await this.waitForConnections(this.options.applicationCloseTimeoutMs);
    }
    heartbeat.stop();
    wss.close();
    this.metrics?.stop();
    this.drops.flush();
    await this.lifespan?.shutdown(Math.max(deadline - Date.now(), 1000));
  }

  /** True if every connection was released within `ms`. */
  private async waitForConnections(ms: number): Promise<boolean> {
    const connections = this.context.connections;
    if (connections.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const all = Promise.all([...connections].map((c) => c.released)).then(() => true);
    const done = await Promise.race([all, timedOut]);
    clearTimeout(timer);
    return done && connections.size === 0;
  }
}

/**
 * The metrics module, loaded on first use: prom-client costs 60-90 ms and some memory at
 * startup, which a server without `metricsPath` should not pay.
 */
function loadServerMetrics(): typeof ServerMetrics {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when metrics are on
  return (require("./server-metrics") as typeof import("./server-metrics")).ServerMetrics;
}
