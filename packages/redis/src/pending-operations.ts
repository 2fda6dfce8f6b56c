/** A layer operation in progress, so that close() or a lasting outage can settle it. */
interface Pending {
  /** Index of the only host the operation needs, or -1 when it may need any. */
  shard: number;
  operation: string;
  reject(reason: unknown): void;
}

/**
 * The layer's operations that are waiting on Redis. ioredis keeps a command queued while it
 * reconnects and never settles it if the client is then disconnected, so a layer cannot rely
 * on its commands settling: it settles the callers' promises itself, from here.
 */
export class PendingOperations {
  private readonly pending = new Set<Pending>();

  /** `work`'s outcome, unless `rejectAll` or `rejectFor(shard)` ends it first. */
  track<T>(operation: string, shard: number, work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { shard, operation, reject };
      this.pending.add(entry);
      work.then(
        (value) => {
          this.pending.delete(entry);
          resolve(value);
        },
        (error: unknown) => {
          this.pending.delete(entry);
          reject(error);
        },
      );
    });
  }

  /** Reject the operations that need host `shard` (or any host). */
  rejectFor(shard: number, reason: unknown): void {
    for (const entry of this.pending) {
      if (entry.shard !== shard && entry.shard !== -1) continue;
      this.pending.delete(entry);
      entry.reject(reason);
    }
  }

  /** Reject every operation with `reasonFor(its method name)`. */
  rejectAll(reasonFor: (operation: string) => unknown): void {
    for (const entry of this.pending) entry.reject(reasonFor(entry.operation));
    this.pending.clear();
  }
}
