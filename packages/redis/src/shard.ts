import type Redis from "ioredis";
import type { RedisOptions } from "ioredis";
import { createClient, describeHost, type ClientPolicy, type RedisHost } from "./hosts";

/** What a layer reports when a Redis host goes away or comes back. */
export interface HostEvent {
  /** Index of the host in `hosts` (its shard number). */
  shard: number;
  /** The host, without credentials. */
  host: string;
  /** The last connection error seen, on `down`. */
  error?: Error;
}

export interface ShardHooks {
  down(event: HostEvent): void;
  /** Called when every watched connection is ready again; `up` is emitted after it settles. */
  restore(shard: RedisShard): Promise<void>;
  up(event: HostEvent): void;
}

/**
 * One Redis host: a command connection plus any dedicated connections (blocking pops,
 * subscriptions) created from it. It turns ioredis's per-connection events into one
 * `down` when any watched connection drops and one `up` once all are ready and the layer
 * has restored its state (memberships, subscriptions) on that host.
 */
export class RedisShard {
  readonly client: Redis;
  readonly name: string;
  private readonly watched = new Set<Redis>();
  private readonly owned = new Set<Redis>();
  private isDown = false;
  private lastError: Error | undefined;
  private closed = false;

  constructor(
    readonly index: number,
    private readonly host: RedisHost,
    private readonly policy: ClientPolicy,
    private readonly hooks: ShardHooks,
  ) {
    this.name = describeHost(host);
    this.client = this.open({}, true);
  }

  /** A dedicated connection (commands on it never wait behind a blocking pop elsewhere). */
  open(extra: RedisOptions, watch: boolean): Redis {
    const client = createClient(this.host, this.policy, extra);
    this.owned.add(client);
    client.on("error", (error: Error) => {
      this.lastError = error;
    });
    if (watch) {
      this.watched.add(client);
      client.on("close", () => this.onClose());
      client.on("ready", () => this.onReady());
    }
    return client;
  }

  /** Stop and forget a connection made with `open`. */
  release(client: Redis): void {
    this.owned.delete(client);
    this.watched.delete(client);
    client.disconnect();
  }

  close(): void {
    this.closed = true;
    for (const client of this.owned) client.disconnect();
    this.owned.clear();
    this.watched.clear();
  }

  private onClose(): void {
    if (this.closed || this.isDown) return;
    this.isDown = true;
    this.hooks.down({ shard: this.index, host: this.name, ...(this.lastError ? { error: this.lastError } : {}) });
  }

  private onReady(): void {
    if (this.closed || !this.isDown) return;
    for (const client of this.watched) if (client.status !== "ready") return;
    this.isDown = false;
    this.hooks
      .restore(this)
      .catch((error: unknown) => {
        // A failed restore means the host dropped again; its next `ready` restores once more.
        this.lastError = error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => {
        if (!this.closed && !this.isDown) this.hooks.up({ shard: this.index, host: this.name });
      });
  }
}
