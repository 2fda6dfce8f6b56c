import type { RedisShard } from "./shard";
import { withScripts, type LayerClient } from "./scripted-client";

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
  onPayload(member: Buffer, score: number): void;
  onError(error: Error): void;
}

/**
 * Pops one Redis queue on a dedicated connection, so a blocking BZPOPMIN never holds up the
 * layer's other commands. Each pop is preceded by channels_redis's restore script, which puts
 * back what a crashed peer left in `<key>$inflight`, and the two are pipelined so they cost one
 * round trip. Python then copies each popped message into `$inflight` and removes it after
 * processing; here processing (a synchronous hand-off to a local mailbox) cannot be interrupted
 * between the two, so that pair would be a no-op and is not sent.
 */
export class ReceiveLoop {
  private running = false;
  private stopped = false;
  private client: LayerClient | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;

  constructor(private readonly options: ReceiveLoopOptions) {}

  get active(): boolean {
    return this.running;
  }

  /** Start popping unless already running (idempotent). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    if (this.client !== undefined) this.options.shard.release(this.client);
    this.client = undefined;
  }

  private async run(): Promise<void> {
    const { shard, key, blockSeconds } = this.options;
    // Commands on this connection wait out a Redis restart instead of failing after N retries.
    const client = this.client ?? withScripts(shard.open({ maxRetriesPerRequest: null }, false));
    this.client = client;
    const backup = key + "$inflight";
    let failures = 0;
    try {
      while (!this.stopped && this.options.keepGoing()) {
        try {
          const restored = client.layerRestoreInflight(key, backup).then(noError, asError);
          const reply = await client.bzpopminBuffer(key, blockSeconds);
          const restoreError = await restored;
          if (reply !== null && !this.stopped) this.options.onPayload(reply[1], Number(reply[2].toString()));
          if (restoreError !== undefined) throw restoreError;
          failures = 0;
        } catch (error) {
          if (this.stopped) break;
          this.options.onError(error instanceof Error ? error : new Error(String(error)));
          await this.pause(Math.min(100 * 2 ** failures++, 5000));
        }
      }
    } finally {
      this.running = false;
      if (this.client === client && (this.stopped || !this.options.keepConnection)) {
        shard.release(client);
        this.client = undefined;
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeRetry = resolve;
      this.retryTimer = setTimeout(resolve, ms);
    });
  }
}

function noError(): undefined {
  return undefined;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
