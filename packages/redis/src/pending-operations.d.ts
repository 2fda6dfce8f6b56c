/**
 * The layer's operations that are waiting on Redis. ioredis keeps a command queued while it
 * reconnects and never settles it if the client is then disconnected, so a layer cannot rely
 * on its commands settling: it settles the callers' promises itself, from here.
 */
export declare class PendingOperations {
    private readonly pending;
    /** `work`'s outcome, unless `rejectAll` or `rejectFor(shard)` ends it first. */
    track<T>(operation: string, shard: number, work: Promise<T>): Promise<T>;
    /** Reject the operations that need host `shard` (or any host). */
    rejectFor(shard: number, reason: unknown): void;
    /** Reject every operation with `reasonFor(its method name)`. */
    rejectAll(reasonFor: (operation: string) => unknown): void;
}
