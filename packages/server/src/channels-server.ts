import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Application } from "@channels-ts/core";
import { AccessLog } from "./access-log";
import type { Connection } from "./connection";
import { DeadlineQueue } from "./deadline-queue";
import { handshakeProblem, refuseHandshake } from "./handshake";
import { Heartbeat } from "./heartbeat";
import { FrameCache } from "./shared-frame";
import { HttpConnection } from "./http-connection";
import { Lifespan } from "./lifespan";
import type { ResolvedServerOptions } from "./options";
import { WebsocketConnection, type WebsocketContext } from "./websocket-connection";
import { createWebsocketServer, type AcceptDetails } from "./websocket-server";

const ignore = (): void => undefined;

/**
 * The protocol server behind both `serve()` and `attach()`: turns requests and upgrades into
 * application instances, keeps the set of live connections, and drains them on shutdown.
 * It owns no listening socket; whoever owns the node:http server wires these handlers to it.
 */
export class ChannelsServer {
  private readonly context: WebsocketContext;
  private readonly lifespan: Lifespan | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    app: Application,
    readonly options: ResolvedServerOptions,
  ) {
    const handshakes = new WeakMap<IncomingMessage, AcceptDetails>();
    const tickMs = options.pingIntervalMs === 0 ? 0 : Math.min(options.pingIntervalMs, options.pongTimeoutMs);
    this.context = {
      app,
      options,
      logger: options.logger,
      accessLog: new AccessLog(options.accessLog ? options.logger : undefined),
      connections: new Set<Connection>(),
      wss: createWebsocketServer(options, handshakes),
      handshakes,
      heartbeat: new Heartbeat(tickMs),
      frames: new FrameCache(),
      acceptDeadlines: new DeadlineQueue(options.acceptTimeoutMs),
    };
    this.lifespan = options.lifespan === "off" ? undefined : new Lifespan(app, options.logger, options.lifespan);
  }

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
    if (this.closing !== undefined) {
      res.writeHead(503, { connection: "close", "content-type": "text/plain; charset=utf-8" });
      res.end("503 Service Unavailable\n");
      return;
    }
    new HttpConnection(this.context, req, res, rootPath).start();
  };

  readonly handleUpgrade = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    rootPath = this.options.rootPath,
  ): void => {
    const problem = this.closing !== undefined ? { status: 503, reason: undefined } : handshakeProblem(req);
    if (problem !== undefined) {
      socket.on("error", ignore); // a reset while refusing must not become an uncaught error
      refuseHandshake(socket, problem.status, problem.reason === undefined ? undefined : `${problem.reason}\n`);
      return;
    }
    // The connection listens for errors itself from here on (and `ws` once it takes over).
    new WebsocketConnection(this.context, req, socket, head, rootPath).start();
  };

  /**
   * Graceful shutdown, at most `shutdownTimeoutMs`: WebSockets are closed with 1001 and their
   * applications get `websocket.disconnect`; HTTP requests in flight finish without keep-alive;
   * whatever is still open at the deadline is dropped. Then lifespan shutdown. Idempotent.
   */
  shutdown(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  private async drain(): Promise<void> {
    const { connections, logger, heartbeat, wss } = this.context;
    const deadline = Date.now() + this.options.shutdownTimeoutMs;
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
