"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runInMicrotask = runInMicrotask;
/**
 * Runs callbacks in one shared microtask per batch: a group send that wakes N idle consumers
 * schedules one microtask, not N (Node's `queueMicrotask` also allocates an async resource per
 * call). Callbacks run in the order they were scheduled; one scheduled while a batch runs starts the next.
 */
const RESOLVED = Promise.resolve();
let batch = [];
let scheduled = false;
function runBatch() {
    scheduled = false;
    // Taken whole, so that a callback that throws loses nothing of what follows it.
    const callbacks = batch;
    batch = [];
    for (let i = 0; i < callbacks.length; i++) {
        try {
            callbacks[i]();
        }
        catch (error) {
            // A callback's error is its own: it surfaces as an unhandled rejection, the rest still run.
            reportLater(error);
        }
    }
}
function reportLater(error) {
    void Promise.reject(error);
}
/** Runs `callback` in this batch's microtask, scheduling one if none is pending. */
function runInMicrotask(callback) {
    batch.push(callback);
    if (!scheduled) {
        scheduled = true;
        void RESOLVED.then(runBatch);
    }
}
//# sourceMappingURL=microtask-batch.js.map