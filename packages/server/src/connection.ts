import type { Application, DropCounter } from "@channels-ts/core";
import type { AccessLog } from "./access-log";
import type { Logger } from "./logger";
import type { ResolvedServerOptions } from "./options";
import type { ServerStats } from "./server-stats";

/** What the server keeps of each live HTTP request or WebSocket, to drain them on shutdown. */
export interface Connection {
  /**
   * Settles once the application has finished (or the server has stopped waiting for it) and,
   * for a WebSocket, its socket has closed.
   */
  readonly released: Promise<void>;
  /** Begins a graceful end: WebSockets get 1001, HTTP responses lose keep-alive. */
  shutdown(): void;
  /** Drops the connection now (shutdown ran out of time). */
  terminate(): void;
  /** For the metrics: what kind of connection it is. */
  readonly protocol: "http" | "websocket";
  /** For the metrics: bytes written to the client that it has not taken yet. */
  readonly queuedBytes: number;
}

/** State shared by every connection of one server (or one `attach()`). */
export interface ServerContext {
  readonly app: Application;
  readonly options: ResolvedServerOptions;
  readonly logger: Logger;
  readonly accessLog: AccessLog;
  readonly connections: Set<Connection>;
  /** Counters the metrics read on scrape (plain fields: free when metrics are off). */
  readonly stats: ServerStats;
  /** What the server drops ("client too slow", "shutting down", "rate limited"): counted, reported to `drops`, logged. */
  readonly drops: DropCounter<"client too slow" | "shutting down" | "rate limited">;
}

/** A connection that its Release reports to. */
export interface ReleaseOwner {
  /** What the application is running for, in a log line: `WebSocket /path`. */
  releaseLabel(): string;
  /** Called once, when the connection is released (before `released` resolves). */
  onReleased(): void;
}

/**
 * Resolves `released` when the application settles, or `applicationCloseTimeoutMs` after its
 * disconnect if it is still running then (an application cannot be cancelled in JS, so the
 * server can only stop waiting for it, and says so). A connection made with `holdsSocket` is
 * released only once its socket has closed too (`socketClosed`), whichever comes later: an
 * application that ends while its client never answers the close frame must not give back the
 * client's place (maxConnectionsPerAddress) while the socket still stands. The promise is made
 * only when someone asks for it (shutdown does): an idle connection that nobody waits for holds none.
 */
export class Release {
  private promise: Promise<void> | undefined;
  private resolvePromise: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private settled = false;
  /** The application has settled, or the server has stopped waiting for it. */
  private appDone = false;
  private socketOpen: boolean;
  private done = false;

  /** `owner` is the connection itself (no closures per connection) or, simpler, a label function. */
  constructor(
    private readonly context: ServerContext,
    private readonly owner: ReleaseOwner | (() => string),
    holdsSocket = false,
  ) {
    this.socketOpen = holdsSocket;
  }

  get released(): Promise<void> {
    if (this.promise === undefined) {
      this.promise = this.done
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            this.resolvePromise = resolve;
          });
    }
    return this.promise;
  }

  /** The application has returned or thrown. */
  settle(): void {
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.appFinished();
  }

  /** The connection's socket has closed (only for a Release made with `holdsSocket`). */
  socketClosed(): void {
    this.socketOpen = false;
    if (this.appDone) this.release();
  }

  /** The application has been told the connection is gone; from now on it has a deadline. */
  startDeadline(): void {
    if (this.settled || this.timer !== undefined) return;
    this.timer = setTimeout(Release.onDeadline, this.context.options.applicationCloseTimeoutMs, this);
    this.timer.unref();
  }

  private static onDeadline(this: void, release: Release): void {
    const ms = release.context.options.applicationCloseTimeoutMs;
    release.context.logger.warn(
      `Application for ${release.label} is still running ${ms} ms after its disconnect; no longer waiting for it ` +
        "(raise applicationCloseTimeoutMs or make the application return on disconnect).",
    );
    release.appFinished();
  }

  private get label(): string {
    return typeof this.owner === "function" ? this.owner() : this.owner.releaseLabel();
  }

  private appFinished(): void {
    this.appDone = true;
    this.release();
  }

  private release(): void {
    if (this.done || this.socketOpen) return;
    this.done = true;
    if (typeof this.owner !== "function") this.owner.onReleased();
    this.resolvePromise?.();
    this.resolvePromise = undefined;
  }
}
