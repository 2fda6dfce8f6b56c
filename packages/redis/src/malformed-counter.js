"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MalformedCounter = void 0;
/**
 * Counts data dropped off the wire and warns about it at most once per interval, so a peer
 * flooding garbage cannot flood the log, and an operator can still see that it happens.
 */
class MalformedCounter {
    layerName;
    logger;
    intervalMs;
    /** Every malformed payload seen since the layer started. */
    count = 0;
    suppressed = 0;
    lastWarnAt = Number.NEGATIVE_INFINITY;
    constructor(layerName, logger, intervalMs) {
        this.layerName = layerName;
        this.logger = logger;
        this.intervalMs = intervalMs;
    }
    report(where, reason) {
        this.count++;
        const now = Date.now();
        if (now - this.lastWarnAt < this.intervalMs) {
            this.suppressed++;
            return;
        }
        const more = this.suppressed > 0 ? ` (${this.suppressed} more dropped since the last warning)` : "";
        this.suppressed = 0;
        this.lastWarnAt = now;
        this.logger.warn(`${this.layerName}: dropped a malformed message from ${where}: ${reason}${more}.`);
    }
}
exports.MalformedCounter = MalformedCounter;
//# sourceMappingURL=malformed-counter.js.map