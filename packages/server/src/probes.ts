import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "./logger";
import type { ResolvedServerOptions } from "./options";
import { notReadyReason } from "./readiness";
import { splitTarget } from "./scope";
import type { ServerMetrics } from "./server-metrics";

const TEXT = "text/plain; charset=utf-8";

/**
 * The paths the server answers itself, before the application sees the request: `/healthz`
 * (alive), `/readyz` (ready: not shutting down, every layer of `layerAliases` up) and the metrics.
 * Each is off unless configured; a configured one shadows any application route on the same path,
 * which the server says once at startup.
 */
export class Probes {
  private readonly paths: ReadonlyMap<string, "healthz" | "readyz" | "metrics">;

  constructor(
    private readonly options: ResolvedServerOptions,
    private readonly metrics: ServerMetrics | undefined,
    private readonly isClosing: () => boolean,
  ) {
    const paths = new Map<string, "healthz" | "readyz" | "metrics">();
    if (options.healthzPath !== null) paths.set(options.healthzPath, "healthz");
    if (options.readyzPath !== null) paths.set(options.readyzPath, "readyz");
    if (options.metricsPath !== null) paths.set(options.metricsPath, "metrics");
    this.paths = paths;
  }

  /** True when the server answers some path itself. */
  get any(): boolean {
    return this.paths.size > 0;
  }

  /** Says, once, which paths never reach the application. */
  announce(logger: Logger): void {
    if (this.paths.size === 0) return;
    logger.info(
      `Serving ${[...this.paths.keys()].join(", ")} before the application: requests to ` +
        (this.paths.size === 1 ? "this path" : "these paths") +
        " never reach it (set healthzPath, readyzPath or metricsPath to another path, or null, to change that)",
    );
  }

  /** Answers `req` if it is a probe; false leaves it to the application. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.paths.size === 0) return false;
    const kind = this.paths.get(splitTarget(req.url ?? "/").rawPath);
    if (kind === undefined) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      answer(res, req, 405, TEXT, "405 Method Not Allowed: use GET or HEAD\n", { allow: "GET, HEAD" });
      return true;
    }
    if (kind === "healthz") {
      answer(res, req, 200, TEXT, "ok\n");
    } else if (kind === "readyz") {
      const problem = notReadyReason(this.isClosing(), this.options.layerAliases);
      if (problem === undefined) answer(res, req, 200, TEXT, "ready\n");
      else answer(res, req, 503, TEXT, `not ready: ${problem}\n`);
    } else {
      const metrics = this.metrics as ServerMetrics;
      metrics.scrape().then(
        ({ contentType, body }) => answer(res, req, 200, contentType, body),
        (error: unknown) => {
          this.options.logger.error({ err: error }, "Metrics scrape failed");
          answer(res, req, 500, TEXT, "500 Internal Server Error: the metrics could not be collected\n");
        },
      );
    }
    return true;
  }
}

function answer(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...extra,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
