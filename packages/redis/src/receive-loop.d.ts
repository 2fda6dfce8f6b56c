import type { RedisShard } from "./shard";
export interface ReceiveLoopOptions {
    shard: RedisShard;
    /** The queue's Redis key (prefix + non-local channel name). */
    key: string;
    /** Seconds each BZPOPMIN blocks before the loop re-checks `keepGoing`. */
    blockSeconds: number;
    /** Asked after every pop; the loop ends (and frees its connection) when it returns false. */
    keepGoing(): boolean;
    /** Keep the connection between runs (this process's own queue is popped again and again). */
    keepConnection: boolean;
    /** Otherwise, keep it this long after a run, so a worker receiving again and again reuses it. */
    idleMs: number;
    /** How many more messages local receivers want right now (popped without blocking after a pop). */
    wanted(): number;
    /**
     * For a queue only this process reads (its own): pop up to this many more in the same round
     * trip as every BZPOPMIN, so one round trip moves a batch. Undefined: ask `wanted()` instead.
     */
    batch?: number;
    /**
     * With `batch`: a key renewed with every pop, expiring `blockSeconds` + 2 s after the last, so
     * writers know the queue is being drained (see lua-scripts.ts, LIVE_QUEUE_FACTOR).
     */
    readerKey?: string;
    onPayload(member: Buffer, score: number, rawScore: Buffer): void;
    onError(error: Error): void;
}
/**
 * Pops one Redis queue on a dedicated connection, so a blocking BZPOPMIN never holds up the
 * layer's other commands. On this process's own queue every BZPOPMIN goes out pipelined with a
 * ZPOPMIN of up to `batch` more: a round trip moves whatever has queued up since the last one,
 * so the queue stays short under load (a queue popped one message per round trip grows past
 * `capacity`, and every group send then skips, and scans, the whole process). Each (re)connection first runs channels_redis's restore script, which
 * puts back what a crashed peer left in `<key>$inflight`, pipelined with the first pop. Python then copies each popped message into `$inflight` and removes it after
 * processing; here processing (a synchronous hand-off to a local mailbox) cannot be interrupted
 * between the two, so that pair would be a no-op and is not sent.
 */
export declare class ReceiveLoop {
    private readonly options;
    private running;
    private stopped;
    private client;
    private retryTimer;
    private wakeRetry;
    private idleTimer;
    private needsRestore;
    constructor(options: ReceiveLoopOptions);
    get active(): boolean;
    /** Start popping unless already running (idempotent). */
    start(): void;
    stop(): void;
    private run;
    /** One round trip: the restore script when due, the reader mark, BZPOPMIN and, on the own queue, ZPOPMIN. */
    private request;
    /** Pop, without blocking, what local receivers still wait for, instead of one BZPOPMIN each. */
    private drain;
    /** A ZPOPMIN reply: member, score, member, score... */
    private deliver;
    /**
     * Asked once nobody waits: a batch may have served every waiting receiver at once, and they
     * wait again as soon as their handlers ran, so the loop looks again after a turn of the event loop
     * instead of stopping (and telling writers that nobody reads) between two batches.
     */
    private stillWanted;
    private releaseIdle;
    private pause;
}
