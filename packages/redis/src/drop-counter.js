"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DropCounter = exports.DROP_REASONS = void 0;
exports.DROP_REASONS = ["channel full", "expired", "undecodable", "layer down"];
/**
 * Counts undelivered messages by reason and warns at most once per reason per interval, with
 * the count since the previous line, so that a consumer stuck for minutes costs a few log lines
 * instead of one per message, and an operator still sees that, why and how much is lost.
 */
class DropCounter {
    layerName;
    logger;
    intervalMs;
    reasons = new Map();
    timer;
    constructor(layerName, logger, intervalMs) {
        this.layerName = layerName;
        this.logger = logger;
        this.intervalMs = intervalMs;
    }
    /** Messages dropped for `reason` since the layer started. */
    count(reason) {
        return this.reasons.get(reason)?.total ?? 0;
    }
    /** Every reason's total, zeros included (for metrics). */
    counts() {
        const out = {};
        for (const reason of exports.DROP_REASONS)
            out[reason] = this.count(reason);
        return out;
    }
    /** Count `count` drops; `log` false when another warning already names them. */
    report(reason, where, count, log = true) {
        let state = this.reasons.get(reason);
        if (state === undefined) {
            state = { total: 0, unreported: 0, lastWarnAt: Number.NEGATIVE_INFINITY, example: where };
            this.reasons.set(reason, state);
        }
        state.total += count;
        if (!log)
            return;
        if (state.unreported === 0)
            state.example = where;
        state.unreported += count;
        if (Date.now() - state.lastWarnAt >= this.intervalMs)
            this.warn(reason, state);
        else
            this.flushLater();
    }
    /** Write the pending counts now (the layer is closing). */
    flush() {
        if (this.timer !== undefined)
            clearTimeout(this.timer);
        this.timer = undefined;
        for (const [reason, state] of this.reasons)
            if (state.unreported > 0)
                this.warn(reason, state);
    }
    warn(reason, state) {
        const seconds = Number.isFinite(state.lastWarnAt)
            ? ` in the last ${Math.round((Date.now() - state.lastWarnAt) / 1000)} s`
            : "";
        this.logger.warn(`${this.layerName}: dropped ${state.unreported} message(s)${seconds} (${reason}), e.g. for ${state.example}; ` +
            `${state.total} for this reason since start.`);
        state.unreported = 0;
        state.lastWarnAt = Date.now();
    }
    /** Drops inside the quiet interval are written when it ends, not at the next drop (which may never come). */
    flushLater() {
        if (this.timer !== undefined)
            return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            const now = Date.now();
            for (const [reason, state] of this.reasons) {
                if (state.unreported > 0 && now - state.lastWarnAt >= this.intervalMs)
                    this.warn(reason, state);
            }
            if ([...this.reasons.values()].some((state) => state.unreported > 0))
                this.flushLater();
        }, this.intervalMs);
        this.timer.unref();
    }
}
exports.DropCounter = DropCounter;
//# sourceMappingURL=drop-counter.js.map