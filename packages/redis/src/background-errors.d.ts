import type { LayerLogger } from "./malformed-counter";
/**
 * Logs errors of a layer's background loops at most once per source per interval, with how
 * many followed the last line: a Redis outage makes a receive loop fail at every retry, and the
 * log should say that it does, not repeat it ten times a second.
 */
export declare class BackgroundErrors {
    private readonly layerName;
    private readonly logger;
    private readonly intervalMs;
    private readonly sources;
    constructor(layerName: string, logger: LayerLogger, intervalMs: number);
    report(source: string, error: Error): void;
}
