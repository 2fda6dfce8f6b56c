import type Redis from "ioredis";
import { ChannelLayerClosed } from "@channels-ts/core";
import type { RedisOptions } from "ioredis";
import { createClient, describeHost, normalizeHosts, type ClientPolicy, type RedisHost } from "./hosts";
import type { RedisConnectionOptions } from "./options";
import { RedisHostUnavailable } from "./redis-host-unavailable";
import type { HostDownEvent, HostEvent, HostRestartedEvent } from "./host-status";
import { failUnansweredOnReconnect } from "./unanswered-commands";

export type { HostDownEvent, HostEvent, HostRestartedEvent };

export interface ShardHooks {
  down(event: HostDownEvent): void;
  /** Called when every watched connection is ready again; `up` is emitted after it settles. */
  restore(shard: RedisShard): Promise<void>;
  up(event: HostEvent): void;
  /** The host has been down for `operationTimeoutMs`: operations waiting on it must fail with `error`. */
  unavailable(shard: RedisShard, error: RedisHostUnavailable): void;
  /** `restore` failed; the host is restored again at its next reconnect. */
  restoreFailed(shard: RedisShard, error: Error): void;
  /** The host came back as another Redis process (its run_id changed): reported before `restore`. */
  restarted(event: HostRestartedEvent): void;
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
  /** Set once any watched connection has been ready: until then a failure means "unreachable", not "outage". */
  private everReady = false;
  private lastError: Error | undefined;
  private closed = false;
  // Open while the host is up and the layer's state on it is restored. Sends wait on it, so that a
  // send made during an outage is not replayed (ioredis's offline queue) before this process's
  // memberships and subscriptions are back, which would lose it for this process's own members.
  private restored: Promise<void> = Promise.resolve();
  private openGate: (() => void) | undefined;
  private failGate: ((error: RedisHostUnavailable) => void) | undefined;
  private outageTimer: NodeJS.Timeout | undefined;
  private unavailableError: RedisHostUnavailable | undefined;
  /** The run_id of the Redis process last connected to (INFO server), to tell a restart from a dropped connection. */
  private runId: string | undefined;

  constructor(
    readonly index: number,
    private readonly host: RedisHost,
    private readonly policy: ClientPolicy & { operationTimeoutMs: number },
    private readonly hooks: ShardHooks,
  ) {
    this.name = describeHost(host);
    this.client = this.open({}, true);
    failUnansweredOnReconnect(this.client);
  }

  /** A dedicated connection (commands on it never wait behind a blocking pop elsewhere). */
  open(extra: RedisOptions, watch: boolean): Redis {
    const client = createClient(this.host, this.policy, extra);
    this.owned.add(client);
    client.on("error", (error: Error) => {
      this.lastError = error;
    });
    // ioredis ends a connection for good when a connect attempt fails before there is a socket
    // (in Sentinel mode: no Sentinel answered, or the failover detector cut a reconnect short).
    // The layer still owns it: that is an outage like a dropped socket, and it connects again.
    client.on("end", () => this.revive(client, watch));
    if (watch) {
      this.watched.add(client);
      client.on("close", () => this.onClose());
      client.on("ready", () => this.onReady());
    }
    return client;
  }

  private readonly revivals = new Map<Redis, number>();

  private revive(client: Redis, watched: boolean): void {
    if (this.closed || !this.owned.has(client)) return;
    if (watched) this.onClose();
    const attempt = (this.revivals.get(client) ?? 0) + 1;
    this.revivals.set(client, attempt);
    const { reconnectMinDelayMs: min, reconnectMaxDelayMs: max } = this.policy;
    const timer = setTimeout(
      () => {
        if (!this.closed && this.owned.has(client) && client.status === "end") client.connect().catch(noop);
      },
      Math.min(min * 2 ** Math.min(attempt - 1, 16), max),
    );
    timer.unref();
    client.once("ready", () => this.revivals.delete(client));
  }

  /** Stop and forget a connection made with `open`. */
  release(client: Redis): void {
    this.owned.delete(client);
    this.watched.delete(client);
    client.disconnect();
  }

  /** True once the host is up and the layer's state on it in place: neither a first connection nor a reconnect pending. */
  get settled(): boolean {
    return this.everReady && this.openGate === undefined;
  }

  /** True from a connection drop until the layer's state on this host is restored. */
  get restoring(): boolean {
    return this.openGate !== undefined;
  }

  /** Resolves once the host is up and restored (at once when it is); rejects once it has been down too long. */
  whenRestored(): Promise<void> {
    return this.restored;
  }

  /** Set while the host has been down for longer than `operationTimeoutMs`: fail instead of waiting. */
  get unavailable(): RedisHostUnavailable | undefined {
    return this.unavailableError;
  }

  /**
   * Connects now rather than on the first command. Resolves once the host is up (and, after an
   * outage, restored); rejects with `RedisHostUnavailable` when it cannot be reached. Either way
   * the connection keeps retrying on its own.
   */
  connect(): Promise<void> {
    if (this.client.status === "wait") this.client.connect().catch(noop); // failures arrive as close events
    if (this.unavailableError !== undefined) return Promise.reject(this.unavailableError);
    if (this.everReady) return this.whenRestored();
    return new Promise<void>((resolve, reject) => {
      this.firstContact.push({ resolve, reject });
    });
  }

  private readonly firstContact: Array<{ resolve(): void; reject(error: Error): void }> = [];

  private settleFirstContact(error: Error | undefined): void {
    const waiting = this.firstContact.splice(0);
    for (const { resolve, reject } of waiting)
      if (error === undefined) resolve();
      else reject(error);
  }

  close(): void {
    this.closed = true;
    this.settleFirstContact(new ChannelLayerClosed("connect"));
    this.releaseGate();
    this.clearOutage();
    for (const client of this.owned) client.disconnect();
    this.owned.clear();
    this.watched.clear();
  }

  private onClose(): void {
    if (this.closed || this.isDown) return;
    this.isDown = true;
    if (this.openGate === undefined) {
      this.restored = new Promise<void>((resolve, reject) => {
        this.openGate = resolve;
        this.failGate = reject;
      });
      this.restored.catch(noop); // Only callers that wait on it care.
    }
    const firstConnection = !this.everReady;
    const error = this.lastError ?? new Error(`the connection to ${this.name} closed`);
    this.hooks.down({ shard: this.index, host: this.name, error, firstConnection });
    if (firstConnection) {
      // Never reached: nothing to wait out (a restart is brief, a wrong URL or a Redis not
      // started is not), so operations fail now and the connection keeps retrying.
      this.giveUp();
    } else if (this.outageTimer === undefined && this.unavailableError === undefined) {
      // One timer per outage, not per operation: when it fires, everything waiting on this host fails.
      this.outageTimer = setTimeout(() => this.giveUp(), this.policy.operationTimeoutMs);
      this.outageTimer.unref();
    }
  }

  private onReady(): void {
    if (this.closed) return;
    this.lastError = undefined; // a later `down` must not report an error from an earlier outage
    if (!this.isDown) {
      if (!this.everReady) void this.checkRunId();
      this.everReady = true;
      this.settleFirstContact(undefined);
      return;
    }
    // A lazy connection that was never used ("wait") connects on its first command: not a blocker.
    for (const client of this.watched) if (client.status !== "ready" && client.status !== "wait") return;
    this.isDown = false;
    this.runRestore(0);
  }

  /** Put the layer's state back on the host; `up` only once that worked. */
  private runRestore(attempt: number): void {
    // Told before the restore, so that what the layer reports about the restart comes before `up`.
    (attempt === 0 ? this.checkRunId() : Promise.resolve())
      .then(() => this.hooks.restore(this))
      .then(
        () => {
          if (this.closed || this.isDown) return;
          this.everReady = true;
          this.releaseGate();
          this.settleFirstContact(undefined);
          this.hooks.up({ shard: this.index, host: this.name });
        },
        (error: unknown) => {
          this.lastError = error instanceof Error ? error : new Error(String(error));
          if (this.closed) return;
          this.hooks.restoreFailed(this, this.lastError);
          // The host dropped again: its next `ready` restores once more.
          if (this.isDown) return;
          // Still connected (NOPERM, OOM, READONLY...): the gate stays shut and the restore is tried
          // again, so that `up` always means restored; past operationTimeoutMs, waiting operations
          // fail with RedisHostUnavailable as in any outage.
          const { reconnectMinDelayMs: min, reconnectMaxDelayMs: max } = this.policy;
          const timer = setTimeout(
            () => {
              if (!this.closed && !this.isDown) this.runRestore(attempt + 1);
            },
            Math.min(min * 2 ** Math.min(attempt, 16), max),
          );
          timer.unref();
        },
      );
  }

  /**
   * Reads the host's run_id and reports a restart when it differs from the one seen before. A
   * Redis that refuses INFO (an ACL without it) is not checked: that never blocks a restore.
   */
  private async checkRunId(): Promise<void> {
    const info = await this.client.info("server").catch(() => "");
    const runId = /^run_id:(\w+)/m.exec(info)?.[1];
    if (runId === undefined || this.closed) return;
    const previousRunId = this.runId;
    this.runId = runId;
    if (previousRunId !== undefined && previousRunId !== runId)
      this.hooks.restarted({ shard: this.index, host: this.name, previousRunId, runId });
  }

  private giveUp(): void {
    this.outageTimer = undefined;
    if (this.closed || !this.restoring) return;
    const downForMs = this.everReady ? this.policy.operationTimeoutMs : undefined;
    const error = new RedisHostUnavailable(this.name, downForMs, this.lastError);
    this.unavailableError = error;
    this.settleFirstContact(error);
    this.failGate?.(error);
    // Later operations see the failed gate at once, until the host is back.
    this.restored = Promise.reject(error);
    this.restored.catch(noop);
    this.hooks.unavailable(this, error);
  }

  private clearOutage(): void {
    if (this.outageTimer !== undefined) clearTimeout(this.outageTimer);
    this.outageTimer = undefined;
    this.unavailableError = undefined;
  }

  private releaseGate(): void {
    const open = this.openGate;
    this.openGate = undefined;
    this.failGate = undefined;
    this.restored = Promise.resolve();
    this.clearOutage();
    open?.();
  }
}

function noop(): void {}

/** What both layers give their shards: where to report, how to restore, whom to fail. */
export interface ShardOwner {
  down(event: HostDownEvent): void;
  up(event: HostEvent): void;
  /** Puts back this layer's state (memberships, subscriptions) on a host that came back. */
  restoreShard(index: number): Promise<void>;
  /** Fails the operations waiting on a host that stayed down too long. */
  failShard(index: number, error: Error): void;
  /** `restoreShard` failed (reported as a background error; retried at the next reconnect). */
  restoreFailed(index: number, error: Error): void;
  /** The host restarted while this layer was away: what it held is gone (see HostRestartedEvent). */
  restarted(event: HostRestartedEvent): void;
}

type ShardOptions = Required<
  Pick<RedisConnectionOptions, "reconnectMinDelayMs" | "reconnectMaxDelayMs" | "operationTimeoutMs">
> &
  Pick<RedisConnectionOptions, "hosts">;

/** One shard per host, in `hosts` order (the order the consistent hash indexes). */
export function openShards(options: ShardOptions, owner: ShardOwner): RedisShard[] {
  const policy = {
    reconnectMinDelayMs: options.reconnectMinDelayMs,
    reconnectMaxDelayMs: options.reconnectMaxDelayMs,
    operationTimeoutMs: options.operationTimeoutMs,
  };
  const hooks: ShardHooks = {
    down: (event) => owner.down(event),
    up: (event) => owner.up(event),
    restore: (shard) => owner.restoreShard(shard.index),
    unavailable: (shard, error) => owner.failShard(shard.index, error),
    restoreFailed: (shard, error) => owner.restoreFailed(shard.index, error),
    restarted: (event) => owner.restarted(event),
  };
  return normalizeHosts(options.hosts).map((host, index) => new RedisShard(index, host, policy, hooks));
}

/** `connect()` on every shard: resolves once all are up, rejects with the first host found unreachable. */
export async function connectShards(shards: readonly RedisShard[]): Promise<void> {
  await Promise.all(shards.map((shard) => shard.connect()));
}

/** The error operations on `shards` fail with right now, if a host is unavailable. */
export function firstUnavailable(shards: readonly RedisShard[]): RedisHostUnavailable | undefined {
  for (const shard of shards) if (shard.unavailable !== undefined) return shard.unavailable;
  return undefined;
}

/** Whether any host is reconnecting (its memberships and inflight messages not yet restored). */
export function anyRestoring(shards: readonly RedisShard[]): boolean {
  for (const shard of shards) if (shard.restoring) return true;
  return false;
}

/** Waits while any host is reconnecting, so a send lands after this process's state is back. */
export async function afterRestore(shards: readonly RedisShard[]): Promise<void> {
  for (const shard of shards) if (shard.restoring) await shard.whenRestored();
}
