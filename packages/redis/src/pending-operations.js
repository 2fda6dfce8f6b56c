"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PendingOperations = void 0;
/**
 * The layer's operations that are waiting on Redis. ioredis keeps a command queued while it
 * reconnects and never settles it if the client is then disconnected, so a layer cannot rely
 * on its commands settling: it settles the callers' promises itself, from here.
 */
class PendingOperations {
    pending = new Set();
    /** `work`'s outcome, unless `rejectAll` or `rejectFor(shard)` ends it first. */
    track(operation, shard, work) {
        return new Promise((resolve, reject) => {
            const entry = { shard, operation, reject };
            this.pending.add(entry);
            work.then((value) => {
                this.pending.delete(entry);
                resolve(value);
            }, (error) => {
                this.pending.delete(entry);
                reject(error);
            });
        });
    }
    /** Reject the operations that need host `shard` (or any host). */
    rejectFor(shard, reason) {
        for (const entry of this.pending) {
            if (entry.shard !== shard && entry.shard !== -1)
                continue;
            this.pending.delete(entry);
            entry.reject(reason);
        }
    }
    /** Reject every operation with `reasonFor(its method name)`. */
    rejectAll(reasonFor) {
        for (const entry of this.pending)
            entry.reject(reasonFor(entry.operation));
        this.pending.clear();
    }
}
exports.PendingOperations = PendingOperations;
//# sourceMappingURL=pending-operations.js.map