/**
 * Runs callbacks in one shared microtask per batch: a group send that wakes N idle consumers
 * schedules one microtask, not N (Node's `queueMicrotask` also allocates an async resource per
 * call). Callbacks run in the order they were scheduled; one scheduled while a batch runs starts the next.
 */
const RESOLVED: Promise<void> = Promise.resolve();
let batch: Array<() => void> = [];
let scheduled = false;

function runBatch(): void {
  scheduled = false;
  // Taken whole, so that a callback that throws loses nothing of what follows it.
  const callbacks = batch;
  batch = [];
  for (let i = 0; i < callbacks.length; i++) {
    try {
      callbacks[i]!();
    } catch (error) {
      // A callback's error is its own: it surfaces as an unhandled rejection, the rest still run.
      reportLater(error);
    }
  }
}

function reportLater(error: unknown): void {
  void Promise.reject(error);
}

/** Runs `callback` in this batch's microtask, scheduling one if none is pending. */
export function runInMicrotask(callback: () => void): void {
  batch.push(callback);
  if (!scheduled) {
    scheduled = true;
    void RESOLVED.then(runBatch);
  }
}
