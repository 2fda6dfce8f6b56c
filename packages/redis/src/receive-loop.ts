import type { RedisShard } from "./shard";
import { readerTtlMs } from "./lua-scripts";
import { withScripts, type LayerClient } from "./scripted-client";
import { corkForTick } from "./tick-cork";
import { failUnansweredOnReconnect } from "./unanswered-commands";

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
export class ReceiveLoop {
  private running = false;
  private stopped = false;
  private client: LayerClient | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private needsRestore = true;

  constructor(private readonly options: ReceiveLoopOptions) {}

  get active(): boolean {
    return this.running;
  }

  /** Start popping unless already running (idempotent). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.wakeRetry?.();
    if (this.client !== undefined) this.options.shard.release(this.client);
    this.client = undefined;
  }

  private async run(): Promise<void> {
    const { shard } = this.options;
    // Commands on this connection wait out a Redis restart instead of failing after N retries.
    let client = this.client;
    if (client === undefined) {
      const opened = shard.open({ maxRetriesPerRequest: null }, false);
      // A pop whose reply was lost is not sent again: it would pop other messages than those lost.
      failUnansweredOnReconnect(opened);
      client = withScripts(opened);
      // A new connection may follow a crash or a Redis restart: restore before popping again.
      client.on("ready", () => (this.needsRestore = true));
      this.needsRestore = true;
      this.client = client;
    }
    let failures = 0;
    // On the own queue the next round goes out before this one's batch is handed over, so Redis
    // pops while this process delivers instead of both taking turns.
    let prefetched: Promise<Round> | undefined;
    try {
      while (!this.stopped && (prefetched !== undefined || this.options.keepGoing() || (await this.stillWanted()))) {
        try {
          const round = prefetched ?? this.request(client);
          prefetched = undefined;
          const { reply, rest, restoreError } = await round;
          const got = reply !== null;
          if (got && rest !== undefined && !this.stopped && this.options.keepGoing()) {
            prefetched = this.request(client);
            prefetched.catch(noop); // awaited in the next iteration, or moot once stopped
          }
          if (got && !this.stopped) this.options.onPayload(reply[1], Number(reply[2].toString()), reply[2]);
          if (rest !== undefined) this.deliver(rest);
          else if (got && !this.stopped) await this.drain(client);
          if (restoreError !== undefined) {
            this.needsRestore = true;
            throw restoreError;
          }
          failures = 0;
        } catch (error) {
          if (this.stopped) break;
          this.needsRestore = true;
          this.options.onError(error instanceof Error ? error : new Error(String(error)));
          await this.pause(Math.min(100 * 2 ** failures++, 5000));
        }
      }
    } finally {
      this.running = false;
      // A receive that came in after the loop last asked `keepGoing` found it still running and
      // did not start it: go on for it rather than leave it waiting with nobody popping.
      if (!this.stopped && this.options.keepGoing()) this.start();
      else this.wind(client);
    }
  }

  /** The loop ended: tell writers nobody reads, and free the connection now or after `idleMs`. */
  private wind(client: LayerClient): void {
    // Nobody waits any more: writers should see the backlog build up in Redis again, not later.
    const readerKey = this.options.readerKey;
    if (readerKey !== undefined && !this.stopped) client.del(readerKey).catch(noop);
    if (this.client === client && this.stopped) {
      this.options.shard.release(client);
      this.client = undefined;
    } else if (this.client === client && !this.options.keepConnection) {
      this.idleTimer = setTimeout(() => this.releaseIdle(client), this.options.idleMs);
      this.idleTimer.unref();
    }
  }

  /** One round trip: the restore script when due, the reader mark, BZPOPMIN and, on the own queue, ZPOPMIN. */
  private async request(client: LayerClient): Promise<Round> {
    const { key, blockSeconds, readerKey, batch } = this.options;
    let restored: Promise<Error | undefined> | undefined;
    // The round's commands (restore, reader mark, BZPOPMIN, ZPOPMIN) leave in one write.
    corkForTick(client);
    if (this.needsRestore) {
      this.needsRestore = false;
      restored = client.layerRestoreInflight(key, key + "$inflight").then(noError, asError);
    }
    const marked = readerKey === undefined ? undefined : client.set(readerKey, "1", "PX", readerTtlMs(blockSeconds));
    // Pipelined: Redis runs the ZPOPMIN as soon as the BZPOPMIN wakes, on the same queue.
    const [, reply, rest] = await Promise.all([
      marked,
      client.bzpopminBuffer(key, blockSeconds),
      batch === undefined ? undefined : client.zpopminBuffer(key, batch),
    ]);
    const restoreError = restored === undefined ? undefined : await restored;
    return { reply, rest, restoreError };
  }

  /** Pop, without blocking, what local receivers still wait for, instead of one BZPOPMIN each. */
  private async drain(client: LayerClient): Promise<void> {
    const wanted = this.options.wanted();
    if (wanted <= 0) return;
    this.deliver(await client.zpopminBuffer(this.options.key, wanted));
  }

  /** A ZPOPMIN reply: member, score, member, score... */
  private deliver(flat: Buffer[]): void {
    for (let i = 0; i + 1 < flat.length && !this.stopped; i += 2) {
      const score = flat[i + 1] as Buffer;
      this.options.onPayload(flat[i] as Buffer, Number(score.toString()), score);
    }
  }

  /**
   * Asked once nobody waits: a batch may have served every waiting receiver at once, and they
   * wait again as soon as their handlers ran, so the loop looks again after a turn of the event loop
   * instead of stopping (and telling writers that nobody reads) between two batches.
   */
  private async stillWanted(): Promise<boolean> {
    if (this.options.batch === undefined) return false;
    await new Promise<void>((resolve) => setImmediate(resolve));
    return !this.stopped && this.options.keepGoing();
  }

  private releaseIdle(client: LayerClient): void {
    this.idleTimer = undefined;
    if (this.running || this.client !== client) return;
    this.options.shard.release(client);
    this.client = undefined;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeRetry = resolve;
      this.retryTimer = setTimeout(resolve, ms);
    });
  }
}

interface Round {
  /** BZPOPMIN: key, member, score; null when it timed out. */
  reply: [Buffer, Buffer, Buffer] | null;
  /** ZPOPMIN on the own queue: member, score, member, score... */
  rest: Buffer[] | undefined;
  restoreError: Error | undefined;
}

function noError(): undefined {
  return undefined;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function noop(): void {}
