import type { LayerLogger } from "./malformed-counter";

/**
 * Why a layer did not deliver a message: its channel (or a group member) was at capacity, it
 * waited longer than `expiry`, it could not be decoded, or Redis was gone while it was in flight.
 */
export type DropReason = "channel full" | "expired" | "undecodable" | "layer down";

export const DROP_REASONS: readonly DropReason[] = ["channel full", "expired", "undecodable", "layer down"];

/** Where a drop happened: a channel (or Redis queue / Pub/Sub channel) or the group of a group send. */
export interface DropSite {
  channel?: string;
  group?: string;
}

interface ReasonState {
  total: number;
  /** Dropped since the last warning line for this reason. */
  unreported: number;
  lastWarnAt: number;
  /** Where the latest unreported drop happened (and what went wrong), named in the next warning. */
  last: string;
}

/**
 * Counts undelivered messages by reason, hands each drop to `emit` (the layer's `dropped` event)
 * and warns at most once per reason per interval, with the count since the previous line, so that
 * a consumer stuck for minutes costs a few log lines instead of one per message, and an operator
 * still sees that, why and how much is lost. One counter serves both Redis layers.
 */
export class DropCounter<R extends DropReason = DropReason> {
  private readonly reasons = new Map<DropReason, ReasonState>();
  private timer: NodeJS.Timeout | undefined;

  /** `listed`: the reasons `counts()` always names (zeros included); others appear once they occur. */
  constructor(
    private readonly layerName: string,
    private readonly logger: LayerLogger,
    private readonly intervalMs: number,
    private readonly listed: readonly R[],
    private readonly emit: (reason: DropReason, site: DropSite, count: number) => void,
  ) {}

  /** Messages dropped for `reason` since the layer started. */
  count(reason: DropReason): number {
    return this.reasons.get(reason)?.total ?? 0;
  }

  /** The listed reasons' totals, zeros included (for metrics), and any other reason that occurred. */
  counts(): Record<R, number> {
    const out = {} as Record<DropReason, number>;
    for (const reason of this.listed) out[reason] = this.count(reason);
    for (const [reason, state] of this.reasons) if (!(reason in out)) out[reason] = state.total;
    return out;
  }

  /**
   * Count and emit `count` drops at `site`; `detail` (an error message) goes into the log line,
   * `log` false when another warning already names them (undecodable data: MalformedCounter).
   */
  report(reason: DropReason, site: DropSite, count: number, detail?: string, log = true): void {
    let state = this.reasons.get(reason);
    if (state === undefined) {
      state = { total: 0, unreported: 0, lastWarnAt: Number.NEGATIVE_INFINITY, last: "" };
      this.reasons.set(reason, state);
    }
    state.total += count;
    this.emit(reason, site, count);
    if (!log) return;
    const name = site.group !== undefined ? `group ${JSON.stringify(site.group)}` : JSON.stringify(site.channel);
    state.last = detail === undefined ? name : `${name}: ${detail}`;
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
      `${this.layerName}: dropped ${state.unreported} ${reason}${seconds} (last for ${state.last}); ` +
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
