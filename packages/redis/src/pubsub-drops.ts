import type { DropReason } from "./drop-counter";
import type { DroppedEvent, LayerEvents } from "./layer-events";
import type { LayerLogger } from "./malformed-counter";

/**
 * Why the pub/sub layer could not deliver a message:
 * - `channel full`: a local channel already held its capacity, so its oldest message was dropped;
 * - `undecodable`: a payload off Redis that was not a channels_redis message;
 * - `layer down`: a PUBLISH that Redis never accepted (the connection dropped under it).
 * The names are the core layer's (`DropReason`); a pub/sub layer keeps nothing, so nothing expires.
 */
export type PubSubDropReason = Extract<DropReason, "channel full" | "undecodable" | "layer down">;

/** One message the pub/sub layer dropped (`count` 1): the shared `dropped` event. */
export type PubSubDroppedEvent = DroppedEvent & { reason: PubSubDropReason; channel: string };

/** The pub/sub layer's events: the same as the core Redis layer's. */
export type PubSubLayerEvents = LayerEvents;

/** Messages dropped since the layer started, by reason. */
export type PubSubDropCounts = Readonly<Record<PubSubDropReason, number>>;

/**
 * Counts what the layer drops by reason and says so in the log at most once per interval (with
 * how many went since the last line), so a flood cannot flood the log and a drop is never silent.
 */
export class PubSubDrops {
  private readonly counts: Record<PubSubDropReason, number> = { "channel full": 0, undecodable: 0, "layer down": 0 };
  private readonly sinceWarning: Record<PubSubDropReason, number> = {
    "channel full": 0,
    undecodable: 0,
    "layer down": 0,
  };
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private pendingWarning: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: LayerLogger,
    private readonly intervalMs: number,
    private readonly emit: (event: PubSubDroppedEvent) => void,
  ) {}

  get snapshot(): PubSubDropCounts {
    return { ...this.counts };
  }

  /** `detail` goes into the log line when this drop is the one that writes it (the error, say). */
  count(reason: PubSubDropReason, channel: string, detail?: string): void {
    this.counts[reason]++;
    this.sinceWarning[reason]++;
    this.emit({ reason, channel, count: 1 });
    const now = Date.now();
    if (now - this.lastWarnAt >= this.intervalMs) this.warn(now, channel, detail);
    else if (this.pendingWarning === undefined) {
      // The drops inside the interval are still logged, once, when it ends.
      this.pendingWarning = setTimeout(
        () => this.warn(Date.now(), undefined, undefined),
        this.lastWarnAt + this.intervalMs - now,
      );
      this.pendingWarning.unref();
    }
  }

  /** Count and emit a drop whose log line another counter writes (undecodable data: MalformedCounter). */
  countLoggedElsewhere(reason: PubSubDropReason, channel: string): void {
    this.counts[reason]++;
    this.emit({ reason, channel, count: 1 });
  }

  /** Stop the pending summary line (the layer is closing). */
  close(): void {
    if (this.pendingWarning !== undefined) clearTimeout(this.pendingWarning);
    this.pendingWarning = undefined;
  }

  private warn(now: number, channel: string | undefined, detail: string | undefined): void {
    if (this.pendingWarning !== undefined) clearTimeout(this.pendingWarning);
    this.pendingWarning = undefined;
    const parts = (Object.keys(this.sinceWarning) as PubSubDropReason[])
      .filter((reason) => this.sinceWarning[reason] > 0)
      .map((reason) => `${this.sinceWarning[reason]} ${reason}`);
    if (parts.length === 0) return;
    for (const reason of Object.keys(this.sinceWarning) as PubSubDropReason[]) this.sinceWarning[reason] = 0;
    this.lastWarnAt = now;
    const last =
      channel === undefined ? "" : ` (last for ${JSON.stringify(channel)}${detail === undefined ? "" : `: ${detail}`})`;
    this.logger.warn(`RedisPubSubChannelLayer: dropped ${parts.join(", ")}${last}.`);
  }
}
