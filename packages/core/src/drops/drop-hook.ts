import type { DropReason, DropSite } from "./drop-reason";

/**
 * One report of undelivered messages, as every listener of `drops` sees it. `origin` names who
 * dropped them ("InMemoryChannelLayer", "RedisChannelLayer", "RedisPubSubChannelLayer",
 * "consumer", "server"); `count` is how many at once; `detail` says what went wrong, when known.
 */
export interface DropEvent extends DropSite {
  origin: string;
  reason: DropReason;
  count: number;
  detail?: string;
}

export type DropListener = (event: DropEvent) => void;

/** A process total: messages `origin` dropped for `reason` since the process started. */
export interface DropTotal {
  origin: string;
  reason: DropReason;
  count: number;
}

/**
 * The one place that sees every message the process did not deliver, whatever dropped it: each
 * layer, the consumers and the server report here (through a `DropCounter`), and an application
 * or operator subscribes once with `onDrop`. It also keeps the process totals by origin and
 * reason, which the server's metrics read on scrape. A report builds its event object only when
 * someone listens: counting alone allocates nothing once an origin and reason have been seen.
 */
export class DropHook {
  private listeners: readonly DropListener[] = [];
  private readonly byOrigin = new Map<string, Map<DropReason, number>>();
  private failedListeners = new WeakSet<DropListener>();

  /** Calls `listener` for every drop from now on; returns the function that unsubscribes it. */
  onDrop(listener: DropListener): () => void {
    if (typeof listener !== "function") {
      throw new TypeError(`drops.onDrop(listener): listener must be a function, got ${typeof listener}.`);
    }
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /**
   * Counts `count` messages `origin` dropped for `reason` and tells every listener. Layers,
   * consumers and the server call it through their DropCounter (which also logs); an application
   * that drops messages of its own (a rate limit of its own making) may call it directly.
   */
  report(origin: string, reason: DropReason, count: number, site?: DropSite, detail?: string): void {
    let reasons = this.byOrigin.get(origin);
    if (reasons === undefined) this.byOrigin.set(origin, (reasons = new Map()));
    reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    const listeners = this.listeners;
    if (listeners.length === 0) return;
    const event: DropEvent = { origin, reason, count };
    if (site?.channel !== undefined) event.channel = site.channel;
    if (site?.group !== undefined) event.group = site.group;
    if (detail !== undefined) event.detail = detail;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A failing listener must not turn a drop into a failed group send; it is told once.
        if (!this.failedListeners.has(listener)) {
          this.failedListeners.add(listener);
          console.error("channels-ts: a drops.onDrop listener threw (reported once per listener):", error);
        }
      }
    }
  }

  /** Messages dropped for `reason` since the process started, by every origin or by `origin`. */
  count(reason: DropReason, origin?: string): number {
    let total = 0;
    for (const [name, reasons] of this.byOrigin) {
      if (origin === undefined || origin === name) total += reasons.get(reason) ?? 0;
    }
    return total;
  }

  /** Every non-zero process total, by origin and reason (what the `channels_dropped_total` metric shows). */
  totals(): DropTotal[] {
    const out: DropTotal[] = [];
    for (const [origin, reasons] of this.byOrigin) {
      for (const [reason, count] of reasons) out.push({ origin, reason, count });
    }
    return out;
  }
}

/** The process-wide drop hook: `drops.onDrop((event) => ...)` sees every undelivered message. */
export const drops = new DropHook();
