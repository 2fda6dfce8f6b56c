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
export type PubSubDroppedEvent = DroppedEvent & {
    reason: PubSubDropReason;
    channel: string;
};
/** The pub/sub layer's events: the same as the core Redis layer's. */
export type PubSubLayerEvents = LayerEvents;
/** Messages dropped since the layer started, by reason. */
export type PubSubDropCounts = Readonly<Record<PubSubDropReason, number>>;
/**
 * Counts what the layer drops by reason and says so in the log at most once per interval (with
 * how many went since the last line), so a flood cannot flood the log and a drop is never silent.
 */
export declare class PubSubDrops {
    private readonly logger;
    private readonly intervalMs;
    private readonly emit;
    private readonly counts;
    private readonly sinceWarning;
    private lastWarnAt;
    private pendingWarning;
    constructor(logger: LayerLogger, intervalMs: number, emit: (event: PubSubDroppedEvent) => void);
    get snapshot(): PubSubDropCounts;
    /** `detail` goes into the log line when this drop is the one that writes it (the error, say). */
    count(reason: PubSubDropReason, channel: string, detail?: string): void;
    /** Count and emit a drop whose log line another counter writes (undecodable data: MalformedCounter). */
    countLoggedElsewhere(reason: PubSubDropReason, channel: string): void;
    /** Stop the pending summary line (the layer is closing). */
    close(): void;
    private warn;
}
