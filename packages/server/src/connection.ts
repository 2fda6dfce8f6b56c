import type { Application } from "@channels-ts/core";
import type { AccessLog } from "./access-log";
import type { Logger } from "./logger";
import type { ResolvedServerOptions } from "./options";

/** What the server keeps of each live HTTP request or WebSocket, to drain them on shutdown. */
export interface Connection {
  /** Settles once the application has finished (or the server has stopped waiting for it). */
  readonly released: Promise<void>;
  /** Begins a graceful end: WebSockets get 1001, HTTP responses lose keep-alive. */
  shutdown(): void;
  /** Drops the connection now (shutdown ran out of time). */
  terminate(): void;
}

/** State shared by every connection of one server (or one `attach()`). */
export interface ServerContext {
  readonly app: Application;
  readonly options: ResolvedServerOptions;
  readonly logger: Logger;
  readonly accessLog: AccessLog;
  readonly connections: Set<Connection>;
}

/**
 * Resolves `released` when the application settles, or `applicationCloseTimeoutMs` after its
 * disconnect if it is still running then (an application cannot be cancelled in JS, so the
 * server can only stop waiting for it, and says so).
 */
export class Release {
  readonly released: Promise<void>;
  private resolve!: () => void;
  private timer: NodeJS.Timeout | undefined;
  private settled = false;

  constructor(
    private readonly context: ServerContext,
    private readonly label: () => string,
  ) {
    this.released = new Promise<void>((resolve) => (this.resolve = resolve));
  }

  /** The application has returned or thrown. */
  settle(): void {
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.resolve();
  }

  /** The application has been told the connection is gone; from now on it has a deadline. */
  startDeadline(): void {
    if (this.settled || this.timer !== undefined) return;
    const ms = this.context.options.applicationCloseTimeoutMs;
    this.timer = setTimeout(() => {
      this.context.logger.warn(
        `Application for ${this.label()} is still running ${ms} ms after its disconnect; no longer waiting for it ` +
          "(raise applicationCloseTimeoutMs or make the application return on disconnect).",
      );
      this.resolve();
    }, ms);
    this.timer.unref();
  }
}
