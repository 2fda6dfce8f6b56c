import type { LayerLogger } from "./malformed-counter";

/**
 * Why a layer did not deliver a message: its channel (or a group member) was at capacity, it
 * waited longer than `expiry`, it could not be decoded, or Redis was gone while it was in flight.
 */
export type DropReason = "channel full" | "expired" | "undecodable" | "layer down";

export const DROP_REASONS: readonly DropReason[] = ["channel full", "expired", "undecodable", "layer down"];

interface ReasonState {
  total: number;
  /** Dropped since the last warning line for this reason. */
  unreported: number;
  lastWarnAt: number;
  /** Where the first unreported drop happened, named in the next warning. */
  example: string;
}

/**
 * Counts undelivered messages by reason and warns at most once per reason per interval, with
 * the count since the previous line, so that a consumer stuck for minutes costs a few log lines
 * instead of one per message, and an operator still sees that, why and how much is lost.
 */
export class DropCounter {
  private readonly reasons = new Map<DropReason, ReasonState>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly layerName: string,
    private readonly logger: LayerLogger,
    private readonly intervalMs: number,
  ) {}

  /** Messages dropped for `reason` since the layer started. */
  count(reason: DropReason): number {
    return this.reasons.get(reason)?.total ?? 0;
  }

  /** Every reason's total, zeros included (for metrics). */
  counts(): Record<DropReason, number> {
    const out = {} as Record<DropReason, number>;
    for (const reason of DROP_REASONS) out[reason] = this.count(reason);
    return out;
  }

  /** Count `count` drops; `log` false when another warning already names them. */
  report(reason: DropReason, where: string, count: number, log = true): void {
    let state = this.reasons.get(reason);
    if (state === undefined) {
      state = { total: 0, unreported: 0, lastWarnAt: Number.NEGATIVE_INFINITY, example: where };
      this.reasons.set(reason, state);
    }
    state.total += count;
    if (!log) return;
    if (state.unreported === 0) state.example = where;
    state.unreported += count;
    if (Date.now() - state.lastWarnAt >= this.intervalMs) this.warn(reason, state);
    else this.flushLater();
  }

  /** Write the pending counts now (the layer is closing). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const [reason, state] of this.reasons) if (state.unreported > 0) this.warn(reason, state);
  }

  private warn(reason: DropReason, state: ReasonState): void {
    const seconds = Number.isFinite(state.lastWarnAt)
      ? ` in the last ${Math.round((Date.now() - state.lastWarnAt) / 1000)} s`
      : "";
    this.logger.warn(
      `${this.layerName}: dropped ${state.unreported} message(s)${seconds} (${reason}), e.g. for ${state.example}; ` +
        `${state.total} for this reason since start.`,
    );
    state.unreported = 0;
    state.lastWarnAt = Date.now();
  }

  /** Drops inside the quiet interval are written when it ends, not at the next drop (which may never come). */
  private flushLater(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      for (const [reason, state] of this.reasons) {
        if (state.unreported > 0 && now - state.lastWarnAt >= this.intervalMs) this.warn(reason, state);
      }
      if ([...this.reasons.values()].some((state) => state.unreported > 0)) this.flushLater();
    }, this.intervalMs);
    this.timer.unref();
  }
}
