import { drops as processDrops, type DropHook } from "./drop-hook";
import type { DropReason, DropSite } from "./drop-reason";

/** Where a DropCounter writes its warnings (console by default; pino's logger fits). */
export interface DropLogger {
  warn(message: string): void;
}

/** How often, at most, a DropCounter writes a line per reason unless told otherwise. */
export const DEFAULT_DROP_WARN_INTERVAL_MS = 10_000;

interface ReasonState {
  total: number;
  /** Dropped since the last warning line for this reason. */
  unreported: number;
  lastWarnAt: number;
  /** Where the latest unreported drop happened, formatted only when a line is written. */
  lastChannel: string | undefined;
  lastGroup: string | undefined;
  lastDetail: string | undefined;
}

/**
 * Counts undelivered messages by reason for one origin (a layer, the consumers, a server), hands
 * each drop to the process-wide hook (`drops`) and to `emit` (a layer's `dropped` event), and
 * warns at most once per reason per interval, with the count since the previous line, so that a
 * consumer stuck for minutes costs a few log lines instead of one per message, and an operator
 * still sees that, why and how much is lost. Every layer, the consumers and the server use it.
 */
export class DropCounter<R extends DropReason = DropReason> {
  private readonly reasons = new Map<DropReason, ReasonState>();
  private timer: NodeJS.Timeout | undefined;

  /**
   * `origin` names the counter in log lines and in the hook's events; `listed`: the reasons
   * `counts()` always names (zeros included), others appear once they occur.
   */
  constructor(
    readonly origin: string,
    private readonly logger: DropLogger,
    private readonly intervalMs: number,
    private readonly listed: readonly R[],
    private readonly emit?: (reason: DropReason, site: DropSite, count: number) => void,
    private readonly hook: DropHook = processDrops,
  ) {}

  /** Messages dropped for `reason` since the counter started. */
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
      state = {
        total: 0,
        unreported: 0,
        lastWarnAt: Number.NEGATIVE_INFINITY,
        lastChannel: undefined,
        lastGroup: undefined,
        lastDetail: undefined,
      };
      this.reasons.set(reason, state);
    }
    state.total += count;
    this.hook.report(this.origin, reason, count, site, detail);
    this.emit?.(reason, site, count);
    if (!log) return;
    state.lastChannel = site.channel;
    state.lastGroup = site.group;
    state.lastDetail = detail;
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
    const name =
      state.lastGroup !== undefined
        ? `group ${JSON.stringify(state.lastGroup)}`
        : state.lastChannel !== undefined
          ? JSON.stringify(state.lastChannel)
          : "a connection";
    const last = state.lastDetail === undefined ? name : `${name}: ${state.lastDetail}`;
    this.logger.warn(
      `${this.origin}: dropped ${state.unreported} ${reason}${seconds} (last for ${last}); ` +
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
