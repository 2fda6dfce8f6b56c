"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PubSubDrops = void 0;
/**
 * Counts what the layer drops by reason and says so in the log at most once per interval (with
 * how many went since the last line), so a flood cannot flood the log and a drop is never silent.
 */
class PubSubDrops {
    logger;
    intervalMs;
    emit;
    counts = { "channel full": 0, undecodable: 0, "layer down": 0 };
    sinceWarning = {
        "channel full": 0,
        undecodable: 0,
        "layer down": 0,
    };
    lastWarnAt = Number.NEGATIVE_INFINITY;
    pendingWarning;
    constructor(logger, intervalMs, emit) {
        this.logger = logger;
        this.intervalMs = intervalMs;
        this.emit = emit;
    }
    get snapshot() {
        return { ...this.counts };
    }
    /** `detail` goes into the log line when this drop is the one that writes it (the error, say). */
    count(reason, channel, detail) {
        this.counts[reason]++;
        this.sinceWarning[reason]++;
        this.emit({ reason, channel, count: 1 });
        const now = Date.now();
        if (now - this.lastWarnAt >= this.intervalMs)
            this.warn(now, channel, detail);
        else if (this.pendingWarning === undefined) {
            // The drops inside the interval are still logged, once, when it ends.
            this.pendingWarning = setTimeout(() => this.warn(Date.now(), undefined, undefined), this.lastWarnAt + this.intervalMs - now);
            this.pendingWarning.unref();
        }
    }
    /** Count and emit a drop whose log line another counter writes (undecodable data: MalformedCounter). */
    countLoggedElsewhere(reason, channel) {
        this.counts[reason]++;
        this.emit({ reason, channel, count: 1 });
    }
    /** Stop the pending summary line (the layer is closing). */
    close() {
        if (this.pendingWarning !== undefined)
            clearTimeout(this.pendingWarning);
        this.pendingWarning = undefined;
    }
    warn(now, channel, detail) {
        if (this.pendingWarning !== undefined)
            clearTimeout(this.pendingWarning);
        this.pendingWarning = undefined;
        const parts = Object.keys(this.sinceWarning)
            .filter((reason) => this.sinceWarning[reason] > 0)
            .map((reason) => `${this.sinceWarning[reason]} ${reason}`);
        if (parts.length === 0)
            return;
        for (const reason of Object.keys(this.sinceWarning))
            this.sinceWarning[reason] = 0;
        this.lastWarnAt = now;
        const last = channel === undefined ? "" : ` (last for ${JSON.stringify(channel)}${detail === undefined ? "" : `: ${detail}`})`;
        this.logger.warn(`RedisPubSubChannelLayer: dropped ${parts.join(", ")}${last}.`);
    }
}
exports.PubSubDrops = PubSubDrops;
//# sourceMappingURL=pubsub-drops.js.map