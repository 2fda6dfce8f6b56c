import type { Application, LifespanInboundEvent, LifespanScope, SendEvent } from "@channels-ts/core";
import { ChannelsError, ErrorCode, ProtocolError } from "@channels-ts/core";
import { runApplication, typeOf } from "./app-runner";
import { LifespanStartupFailed } from "./errors";
import type { Logger } from "./logger";
import { MessageQueue } from "./message-queue";

const STARTUP_WARNING_MS = 5_000;

type Outcome = { kind: "complete" } | { kind: "failed"; message: string } | { kind: "ended"; err: unknown };

interface Pending {
  phase: "startup" | "shutdown";
  resolve: (outcome: Outcome) => void;
}

/**
 * The ASGI lifespan protocol: one long-lived `lifespan` scope that is told `lifespan.startup`
 * before the server listens and `lifespan.shutdown` after it has drained. An application that
 * ends (or throws) instead of answering the startup event does not support lifespan (e.g. a
 * ProtocolTypeRouter without a "lifespan" entry): the server then carries on, as Daphne and
 * uvicorn do, unless `lifespan: "on"` demands it.
 */
export class Lifespan {
  private readonly queue = new MessageQueue<LifespanInboundEvent>();
  private pending: Pending | undefined;
  private ended: { err: unknown } | undefined;
  private started = false;

  constructor(
    private readonly app: Application,
    private readonly logger: Logger,
    private readonly mode: "auto" | "on",
  ) {}

  /** Resolves once the application reports startup complete (or does not speak lifespan). */
  async startup(): Promise<void> {
    const scope: LifespanScope = { type: "lifespan", asgi: { version: "3.0", spec_version: "2.0" }, state: {} };
    runApplication(this.app, scope, this.queue.receive, this.send).then(
      () => this.onEnd(undefined),
      (err: unknown) => this.onEnd(err),
    );
    // An application that ignores the scope type may wait on receive() forever; say why we hang.
    const warning = setTimeout(() => {
      this.logger.warn(
        `Still waiting for the application to answer lifespan.startup after ${STARTUP_WARNING_MS} ms; ` +
          'if it does not handle the "lifespan" scope, make it return (or throw) for it, or set lifespan: "off".',
      );
    }, STARTUP_WARNING_MS);
    warning.unref();
    const outcome = await this.exchange("startup");
    clearTimeout(warning);
    if (outcome.kind === "failed") throw new LifespanStartupFailed(outcome.message);
    if (outcome.kind === "ended") {
      const detail = outcome.err instanceof Error ? outcome.err.message : "the application returned";
      if (this.mode === "on") {
        throw new LifespanStartupFailed(`lifespan is "on" but the application does not support it (${detail}).`);
      }
      this.logger.debug(`ASGI lifespan protocol appears unsupported (${detail}); carrying on without it.`);
      return;
    }
    this.started = true;
  }

  /** Tells the application the server is stopping; gives up waiting after `timeoutMs`. */
  async shutdown(timeoutMs: number): Promise<void> {
    if (!this.started || this.ended !== undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: "ended", err: new Error(`no answer within ${timeoutMs} ms`) }),
        timeoutMs,
      );
    });
    const outcome = await Promise.race([this.exchange("shutdown"), timeout]);
    clearTimeout(timer);
    if (outcome.kind === "failed") this.logger.error(`Application shutdown failed: ${outcome.message}`);
    else if (outcome.kind === "ended" && outcome.err !== undefined) {
      this.logger.warn(
        `Application lifespan shutdown did not complete: ${(outcome.err as Error).message ?? outcome.err}`,
      );
    }
  }

  private exchange(phase: "startup" | "shutdown"): Promise<Outcome> {
    if (this.ended !== undefined) return Promise.resolve({ kind: "ended", err: this.ended.err });
    return new Promise<Outcome>((resolve) => {
      this.pending = { phase, resolve };
      this.queue.push({ type: phase === "startup" ? "lifespan.startup" : "lifespan.shutdown" });
    });
  }

  /** What the application is given as `send`: the answer to the pending startup or shutdown, nothing else. */
  private readonly send = async (event: SendEvent): Promise<void> => {
    const pending = this.pending;
    // `?.`: a JavaScript application can send null.
    switch (event?.type) {
      case "lifespan.startup.complete":
      case "lifespan.shutdown.complete":
        if (pending !== undefined && event.type === `lifespan.${pending.phase}.complete`) {
          this.pending = undefined;
          pending.resolve({ kind: "complete" });
          return;
        }
        break;
      case "lifespan.startup.failed":
      case "lifespan.shutdown.failed":
        if (pending !== undefined && event.type === `lifespan.${pending.phase}.failed`) {
          this.pending = undefined;
          pending.resolve({ kind: "failed", message: typeof event.message === "string" ? event.message : "" });
          return;
        }
        break;
      // Another protocol's events, named so that a new lifespan event type is a lint error here
      // (switch-exhaustiveness-check) rather than a silent fall into the default.
      case "http.response.start":
      case "http.response.body":
      case "websocket.accept":
      case "websocket.send":
      case "websocket.close":
      default:
        // ... or not an event at all: a JavaScript application sent null, an unknown type, ...
        break;
    }
    throw new ProtocolError(`Unexpected lifespan message type ${typeOf(event)}.`);
  };

  private onEnd(err: unknown): void {
    this.ended = { err };
    const pending = this.pending;
    this.pending = undefined;
    if (pending !== undefined) {
      pending.resolve({ kind: "ended", err });
      return;
    }
    // Ending after a completed startup is normal; throwing then is an application bug to report.
    if (err !== undefined && !(err instanceof ChannelsError && err.code === ErrorCode.STOP_CONSUMER)) {
      this.logger.error({ err }, "Exception inside application lifespan handler");
    }
  }
}
