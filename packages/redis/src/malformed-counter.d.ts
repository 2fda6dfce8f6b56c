/** Where a layer writes its warnings (console by default). */
export interface LayerLogger {
    warn(message: string): void;
}
/**
 * Counts data dropped off the wire and warns about it at most once per interval, so a peer
 * flooding garbage cannot flood the log, and an operator can still see that it happens.
 */
export declare class MalformedCounter {
    private readonly layerName;
    private readonly logger;
    private readonly intervalMs;
    /** Every malformed payload seen since the layer started. */
    count: number;
    private suppressed;
    private lastWarnAt;
    constructor(layerName: string, logger: LayerLogger, intervalMs: number);
    report(where: string, reason: string): void;
}
