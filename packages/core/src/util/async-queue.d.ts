/**
 * An unbounded FIFO whose `get()` waits for the next item; `cancel(reason)` rejects every pending
 * and future `get()`. Used by the test kit and the worker, where a consumer's `receive` must be
 * a promise that the caller can end cleanly.
 */
export declare class AsyncQueue<T> {
    private items;
    private head;
    private waiters;
    private cancelled;
    private listeners;
    get size(): number;
    put(item: T): void;
    /** The next item; items put before `cancel` are still handed out, then gets reject. */
    get(): Promise<T>;
    /** Calls `listener` once, at the next `put` (or at once if the queue already has items). */
    onceNotEmpty(listener: () => void): () => void;
    cancel(reason: unknown): void;
}
