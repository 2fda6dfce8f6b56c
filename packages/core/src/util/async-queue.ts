/**
 * An unbounded FIFO whose `get()` waits for the next item; `cancel(reason)` rejects every pending
 * and future `get()`. Used by the test kit and the worker, where a consumer's `receive` must be
 * a promise that the caller can end cleanly.
 */
export class AsyncQueue<T> {
  private items: T[] = [];
  private head = 0;
  private waiters: Array<{ resolve: (item: T) => void; reject: (reason: unknown) => void }> = [];
  private cancelled: { reason: unknown } | undefined;
  private listeners: Array<() => void> = [];

  get size(): number {
    return this.items.length - this.head;
  }

  put(item: T): void {
    if (this.cancelled) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(item);
    } else {
      this.items.push(item);
    }
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** The next item; items put before `cancel` are still handed out, then gets reject. */
  get(): Promise<T> {
    if (this.head < this.items.length) {
      const item = this.items[this.head] as T;
      this.head++;
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      }
      return Promise.resolve(item);
    }
    if (this.cancelled) return Promise.reject(this.cancelled.reason);
    return new Promise<T>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Calls `listener` once, at the next `put` (or at once if the queue already has items). */
  onceNotEmpty(listener: () => void): () => void {
    if (this.size > 0) {
      listener();
      return () => undefined;
    }
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  cancel(reason: unknown): void {
    if (this.cancelled) return;
    this.cancelled = { reason };
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason);
    for (const listener of this.listeners.splice(0)) listener();
  }
}
