import { DEFAULT_DROP_WARN_INTERVAL_MS } from "@channels-ts/core";

/**
 * A warning that an attacker can trigger at will (a refused handshake, a crossed limit), written
 * at most once per interval with the count since the previous line and the latest case, so that
 * a flood of refusals cannot flood the log. `flush()` (at shutdown) tells what is still untold.
 */
export class RateLimitedWarning {
  private count = 0;
  private warnedAt = Number.NEGATIVE_INFINITY;
  private latest = "";

  constructor(
    private readonly warn: (line: string) => void,
    /** The line for `count` cases since the last one, `latest` describing the most recent. */
    private readonly line: (count: number, latest: string) => string,
    private readonly intervalMs = DEFAULT_DROP_WARN_INTERVAL_MS,
  ) {}

  note(latest: string): void {
    this.count++;
    this.latest = latest;
    // Monotonic: a clock set back must not silence the warning.
    const now = performance.now();
    if (now - this.warnedAt >= this.intervalMs) {
      this.warnedAt = now;
      this.flush();
    }
  }

  flush(): void {
    if (this.count === 0) return;
    this.warn(this.line(this.count, this.latest));
    this.count = 0;
  }
}
