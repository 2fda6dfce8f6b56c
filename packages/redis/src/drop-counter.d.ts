import type { LayerLogger } from "./malformed-counter";
/**
 * Why a layer did not deliver a message: its channel (or a group member) was at capacity, it
 * waited longer than `expiry`, it could not be decoded, or Redis was gone while it was in flight.
 */
export type DropReason = "channel full" | "expired" | "undecodable" | "layer down";
export declare const DROP_REASONS: readonly DropReason[];
/**
 * Counts undelivered messages by reason and warns at most once per reason per interval, with
 * the count since the previous line, so that a consumer stuck for minutes costs a few log lines
 * instead of one per message, and an operator still sees that, why and how much is lost.
 */
export declare class DropCounter {
    private readonly layerName;
    private readonly logger;
    private readonly intervalMs;
    private readonly reasons;
    private timer;
    constructor(layerName: string, logger: LayerLogger, intervalMs: number);
    /** Messages dropped for `reason` since the layer started. */
    count(reason: DropReason): number;
    /** Every reason's total, zeros included (for metrics). */
    counts(): Record<DropReason, number>;
    /** Count `count` drops; `log` false when another warning already names them. */
    report(reason: DropReason, where: string, count: number, log?: boolean): void;
    /** Write the pending counts now (the layer is closing). */
    flush(): void;
    private warn;
    /** Drops inside the quiet interval are written when it ends, not at the next drop (which may never come). */
    private flushLater;
}
