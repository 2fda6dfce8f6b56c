"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AsyncQueue = void 0;
/**
 * An unbounded FIFO whose `get()` waits for the next item; `cancel(reason)` rejects every pending
 * and future `get()`. Used by the test kit and the worker, where a consumer's `receive` must be
 * a promise that the caller can end cleanly.
 */
class AsyncQueue {
    items = [];
    head = 0;
    waiters = [];
    cancelled;
    listeners = [];
    get size() {
        return this.items.length - this.head;
    }
    put(item) {
        if (this.cancelled)
            return;
        const waiter = this.waiters.shift();
        if (waiter) {
            waiter.resolve(item);
        }
        else {
            this.items.push(item);
        }
        for (const listener of this.listeners.splice(0))
            listener();
    }
    /** The next item; items put before `cancel` are still handed out, then gets reject. */
    get() {
        if (this.head < this.items.length) {
            const item = this.items[this.head];
            this.head++;
            if (this.head === this.items.length) {
                this.items = [];
                this.head = 0;
            }
            return Promise.resolve(item);
        }
        if (this.cancelled)
            return Promise.reject(this.cancelled.reason);
        return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    /** Calls `listener` once, at the next `put` (or at once if the queue already has items). */
    onceNotEmpty(listener) {
        if (this.size > 0) {
            listener();
            return () => undefined;
        }
        this.listeners.push(listener);
        return () => {
            const i = this.listeners.indexOf(listener);
            if (i >= 0)
                this.listeners.splice(i, 1);
        };
    }
    cancel(reason) {
        if (this.cancelled)
            return;
        this.cancelled = { reason };
        for (const waiter of this.waiters.splice(0))
            waiter.reject(reason);
        for (const listener of this.listeners.splice(0))
            listener();
    }
}
exports.AsyncQueue = AsyncQueue;
//# sourceMappingURL=async-queue.js.map