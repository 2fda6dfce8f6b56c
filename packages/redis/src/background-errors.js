"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BackgroundErrors = void 0;
/**
 * Logs errors of a layer's background loops at most once per source per interval, with how
 * many followed the last line: a Redis outage makes a receive loop fail at every retry, and the
 * log should say that it does, not repeat it ten times a second.
 */
class BackgroundErrors {
    layerName;
    logger;
    intervalMs;
    sources = new Map();
    constructor(layerName, logger, intervalMs) {
        this.layerName = layerName;
        this.logger = logger;
        this.intervalMs = intervalMs;
    }
    report(source, error) {
        let state = this.sources.get(source);
        if (state === undefined) {
            state = { lastWarnAt: Number.NEGATIVE_INFINITY, suppressed: 0 };
            this.sources.set(source, state);
        }
        const now = Date.now();
        if (now - state.lastWarnAt < this.intervalMs) {
            state.suppressed++;
            return;
        }
        const more = state.suppressed > 0 ? ` (${state.suppressed} more since the last warning)` : "";
        state.suppressed = 0;
        state.lastWarnAt = now;
        this.logger.warn(`${this.layerName}: ${source} failed, retrying: ${error.message}${more}.`);
    }
}
exports.BackgroundErrors = BackgroundErrors;
//# sourceMappingURL=background-errors.js.map