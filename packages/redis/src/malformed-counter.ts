/** Where a layer writes its warnings (console by default). */
export interface LayerLogger {
  warn(message: string): void;
}

/**
 * Counts data dropped off the wire and warns about it at most once per interval, so a peer
 * flooding garbage cannot flood the log, and an operator can still see that it happens.
 */
export class MalformedCounter {
  /** Every malformed payload seen since the layer started. */
  count = 0;
  private suppressed = 0;
  private lastWarnAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly layerName: string,
    private readonly logger: LayerLogger,
    private readonly intervalMs: number,
  ) {}

  report(where: string, reason: string): void {
    this.count++;
    const now = Date.now();
    if (now - this.lastWarnAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    const more = this.suppressed > 0 ? ` (${this.suppressed} more dropped since the last warning)` : "";
    this.suppressed = 0;
    this.lastWarnAt = now;
    this.logger.warn(`${this.layerName}: dropped a malformed message from ${where}: ${reason}${more}.`);
  }
}
