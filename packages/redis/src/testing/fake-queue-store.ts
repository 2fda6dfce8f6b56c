import type { Message } from "@channels-ts/core";
import type { QueueTransport, QueueTransportContext, QueueTransportFactory } from "../queue-transport";
import { RedisHostUnavailable } from "../redis-host-unavailable";
import { closedGate, type ClosedGate } from "./closed-gate";

interface Entry {
  /** Seconds, as Redis scores. */
  score: number;
  message: Message;
  /** `__asgi_channel__`: the channel(s) on a process queue; undefined on a normal channel's queue. */
  channels: string | string[] | undefined;
  /** Data no channels_redis peer writes (see `injectMalformed`). */
  malformed?: true;
}

/**
 * An in-process stand-in for the Redis a `RedisChannelLayer` keeps its queues and groups in, for
 * tests without a redis-server. It keeps channels_redis's model, not its bytes: one queue per
 * normal channel and per process (`<prefix><specific...!>`), capacity per channel, expiry by
 * score, groups of scored members that expire `groupExpiry` after their last write. Make layers
 * with `new RedisChannelLayer(options, store.transport)`; several layers on one store see each
 * other as processes on one Redis. `clock` is the store's time (seconds), settable to age data
 * without waiting; each transport can be taken down, brought back (the layer restores its
 * memberships before `up`), timed out, and made to fail its pops or membership writes.
 */
export class FakeQueueStore {
  readonly queues = new Map<string, Entry[]>();
  readonly groups = new Map<string, Map<string, number>>();
  readonly transports: FakeQueueTransport[] = [];
  /** Seconds; defaults to the wall clock. */
  clock: () => number = () => Date.now() / 1000;

  /** The second argument of `new RedisChannelLayer`. */
  readonly transport: QueueTransportFactory = (context) => {
    const transport = new FakeQueueTransport(this, context);
    this.transports.push(transport);
    return transport;
  };

  /** Everything is gone, as after a Redis restart without persistence. */
  wipe(): void {
    this.queues.clear();
    this.groups.clear();
  }

  /** Put an entry no peer could decode in `queue` (a queue key without the prefix: `specific.<id>!` or a normal channel). */
  injectMalformed(queue: string): void {
    this.queue(queue).push({
      score: this.clock(),
      message: { type: "malformed" },
      channels: undefined,
      malformed: true,
    });
    this.wake(queue);
  }

  queue(name: string): Entry[] {
    let entries = this.queues.get(name);
    if (entries === undefined) this.queues.set(name, (entries = []));
    return entries;
  }

  /** Tell the transports popping `queue` that it has data. */
  wake(queue: string): void {
    for (const transport of this.transports) transport.wake(queue);
  }
}

/** One layer's connection to a `FakeQueueStore`. */
export class FakeQueueTransport implements QueueTransport {
  readonly hostCount = 1;
  /** When set, the next pop fails with it (once), reported by the layer as a receive loop error. */
  failNextPop: Error | undefined;
  /** When set, membership writes (groupAdd, refresh, restore) fail with it. */
  failWrites: Error | undefined;
  /** When set, group sends fail with it (after the layer handed them over). */
  failGroupSends: Error | undefined;
  /** Every membership write, in order: what a refresh or a restore wrote. */
  readonly memberWrites: Array<{ group: string; members: Array<readonly [string, number]> }> = [];
  private readonly popped = new Set<string>();
  private connected = true;
  private closed = false;
  private unavailableError: RedisHostUnavailable | undefined;
  private gate: ClosedGate | undefined;
  private pumping = false;
  private writeWaiters: Array<(write: { group: string; members: Array<readonly [string, number]> }) => void> = [];

  constructor(
    private readonly store: FakeQueueStore,
    private readonly context: QueueTransportContext,
  ) {}

  get settled(): boolean {
    return this.connected && this.gate === undefined;
  }

  unavailableOn(): RedisHostUnavailable | undefined {
    return this.unavailableError;
  }

  connect(): Promise<void> {
    if (this.unavailableError !== undefined) return Promise.reject(this.unavailableError);
    return this.gate?.promise ?? Promise.resolve();
  }

  /** A round trip to the fake: at once, or once the gate opens (as PING on a reconnecting client). */
  ping(): Promise<unknown> {
    if (this.unavailableError !== undefined) return Promise.reject(this.unavailableError);
    return this.gate?.promise ?? Promise.resolve("PONG");
  }

  close(): void {
    this.closed = true;
    this.gate?.fail(new Error("closed"));
  }

  hostForSend(): number {
    return 0;
  }

  hostOfGroup(): number {
    return 0;
  }

  async send(_host: number, channel: string, bang: number, message: Message): Promise<boolean> {
    await this.ready();
    const queue = bang === -1 ? channel : channel.slice(0, bang + 1);
    const entries = this.store.queue(queue);
    this.expire(entries, { channel: this.context.prefix + queue });
    if (this.count(entries, channel, bang) >= this.context.capacityOf(channel)) return true;
    entries.push({
      score: this.store.clock(),
      message: structuredClone(message),
      channels: bang === -1 ? undefined : channel,
    });
    this.store.wake(queue);
    return false;
  }

  readonly groupSendIsOneCommand = true;

  async groupSend(group: string, message: Message): Promise<void> {
    await this.ready();
    if (this.failGroupSends !== undefined) throw this.failGroupSends;
    const members = this.liveMembers(group);
    const buckets = new Map<string, string[]>();
    for (const name of members) {
      const bang = name.indexOf("!");
      const queue = bang === -1 ? name : name.slice(0, bang + 1);
      const names = buckets.get(queue);
      if (names === undefined) buckets.set(queue, [name]);
      else names.push(name);
    }
    let over = 0;
    let expired = 0;
    for (const [queue, names] of buckets) {
      const entries = this.store.queue(queue);
      expired += this.expire(entries, undefined);
      const open = names.filter((name) => this.count(entries, name, name.indexOf("!")) < this.context.capacityOf(name));
      over += names.length - open.length;
      if (open.length === 0) continue;
      entries.push({ score: this.store.clock(), message: structuredClone(message), channels: open });
      this.store.wake(queue);
    }
    if (over > 0) this.context.listener.dropped("channel full", { group }, over);
    if (expired > 0) this.context.listener.dropped("expired", { group }, expired);
  }

  async groupAdd(group: string, channel: string, score: number): Promise<void> {
    await this.writeMembers(group, [[channel, score]]);
  }

  async groupDiscard(group: string, channel: string): Promise<void> {
    await this.ready();
    this.store.groups.get(group)?.delete(channel);
  }

  async writeMembers(group: string, members: ReadonlyArray<readonly [string, number]>): Promise<void> {
    await this.ready();
    if (this.failWrites !== undefined) throw this.failWrites;
    const write = { group, members: [...members] };
    this.memberWrites.push(write);
    for (const resolve of this.writeWaiters.splice(0)) resolve(write);
    let stored = this.store.groups.get(group);
    if (stored === undefined) this.store.groups.set(group, (stored = new Map()));
    for (const [channel, score] of members) stored.set(channel, score);
  }

  async flush(): Promise<void> {
    await this.ready();
    this.store.wipe();
  }

  /** The next membership write (a refresh tick, say). */
  nextWrite(): Promise<{ group: string; members: Array<readonly [string, number]> }> {
    return new Promise((resolve) => this.writeWaiters.push(resolve));
  }

  listen(channel: string, bang: number): void {
    this.popped.add(bang === -1 ? channel : channel.slice(0, bang + 1));
    this.schedulePump();
  }

  /** The store has data in `queue`. */
  wake(queue: string): void {
    if (this.popped.has(queue)) this.schedulePump();
  }

  /** The connection drops: operations wait, nothing is popped, until `reconnect()`. */
  disconnect(error = new Error("connection lost")): void {
    if (!this.connected) return;
    this.connected = false;
    this.gate ??= closedGate();
    this.context.listener.down({ shard: 0, host: "fake", error, firstConnection: false });
  }

  /** The connection is back: the layer restores what it keeps here (memberships), then `up`; resolves after `up`. */
  async reconnect(): Promise<void> {
    if (this.connected || this.closed) return;
    this.connected = true;
    this.unavailableError = undefined;
    const gate = this.gate;
    // The restore writes on the connection that is back, ahead of what waits for the gate.
    this.gate = undefined;
    try {
      await this.context.listener.restore(0);
    } catch (error) {
      this.context.listener.backgroundError({ source: "restore", error: error as Error });
    }
    gate?.open();
    this.context.listener.up({ shard: 0, host: "fake" });
    this.schedulePump();
  }

  /** Down for longer than `operationTimeoutMs`: what waits fails, and new operations fail at once. */
  timeOut(downForMs = 5000): void {
    const error = new RedisHostUnavailable("fake", downForMs, new Error("connection lost"));
    this.unavailableError = error;
    this.gate?.fail(error);
    this.context.listener.unavailable(0, error);
  }

  private async ready(): Promise<void> {
    if (this.unavailableError !== undefined) throw this.unavailableError;
    if (this.gate !== undefined) await this.gate.promise;
  }

  /** Messages counted against `channel`'s capacity: its own on a process queue (and those naming no channel), all on a normal one. */
  private count(entries: readonly Entry[], channel: string, bang: number): number {
    if (bang === -1) return entries.length;
    let count = 0;
    for (const entry of entries) {
      const { channels } = entry;
      if (channels === undefined || channels === channel || (Array.isArray(channels) && channels.includes(channel)))
        count++;
    }
    return count;
  }

  /** Remove entries older than `expiry`; report them at `site` when given; returns how many. */
  private expire(entries: Entry[], site: { channel: string } | undefined): number {
    const cutoff = this.store.clock() - this.context.expiry;
    let expired = 0;
    while (entries.length > 0 && (entries[0] as Entry).score < cutoff) {
      entries.shift();
      expired++;
    }
    if (site !== undefined && expired > 0) this.context.listener.dropped("expired", site, expired);
    return expired;
  }

  private liveMembers(group: string): string[] {
    const stored = this.store.groups.get(group);
    if (stored === undefined) return [];
    const cutoff = this.store.clock() - this.context.groupExpiry;
    for (const [channel, score] of stored) if (score < cutoff) stored.delete(channel);
    return [...stored.keys()];
  }

  private schedulePump(): void {
    if (this.pumping) return;
    this.pumping = true;
    // Off a socket, a pop's reply comes in a later turn.
    setImmediate(() => {
      this.pumping = false;
      this.pump();
    });
  }

  /** Pop every queue this layer receives on into the layer, while it has receivers. */
  private pump(): void {
    if (!this.connected || this.closed) return;
    const { listener, prefix, clientPrefix, expiry } = this.context;
    for (const queue of this.popped) {
      if (this.failNextPop !== undefined) {
        const error = this.failNextPop;
        this.failNextPop = undefined;
        listener.backgroundError({ source: "receive loop", key: prefix + queue, error });
        this.schedulePump(); // the loop retries
        return;
      }
      const own = queue.endsWith(`${clientPrefix}!`);
      const entries = this.store.queues.get(queue);
      while (entries !== undefined && entries.length > 0) {
        if (own ? listener.totalWaiting() === 0 : listener.waiting(queue) === 0) break;
        const entry = entries.shift() as Entry;
        if (entry.score < this.store.clock() - expiry) {
          listener.dropped("expired", { channel: own ? prefix + queue : queue }, 1);
          continue;
        }
        if (entry.malformed === true) {
          listener.malformed(prefix + queue, new Error("not msgpack"));
          continue;
        }
        const targets = entry.channels ?? queue;
        const message = structuredClone(entry.message);
        if (typeof targets === "string") listener.deliver(targets, message);
        else for (const target of targets) listener.deliver(target, message);
      }
    }
  }
}
