import Redis, { Cluster, type ClusterOptions, type RedisOptions } from "ioredis";
import { ChannelLayerClosed } from "@channels-ts/core";
import { NoAnswer, withAnswerDeadline } from "./answer-deadline";
import { disconnectCluster } from "./cluster-disconnect";
import { CLUSTER_SLOTS, crc16, keySlot, onSlot, spreadName } from "./cluster-hash-tags";
import type { ClusterConnectionOptions, ClusterNodeAddress } from "./cluster-options";
import { RedisHostUnavailable } from "./redis-host-unavailable";
import type { PubSubTransport, PubSubTransportContext, PubSubTransportListener } from "./pubsub-transport";

export interface ClusterTransportOptions extends ClusterConnectionOptions {
  /** The layer's prefix: inboxes are named `<prefix>__inbox__<clientPrefix>`. */
  prefix: string;
  reconnectMinDelayMs: number;
  reconnectMaxDelayMs: number;
  operationTimeoutMs: number;
}

/**
 * Inboxes per process. A constant, not an option: a sender computes the receiver's inbox from
 * the channel name alone, so every process on a cluster must agree on it. 16 inboxes on evenly
 * spaced slots reach every master of a cluster of up to 16, and a busy process's traffic is
 * spread over them rather than poured into one slot.
 */
export const INBOXES = 16;

/** `<anything>.<32 hex digits>!<anything>`: a channel of the process whose clientPrefix is the hex. */
const SPECIFIC = /\.([0-9a-f]{32})!/;

/** A subscription the layer asked for: a group or named channel, or one of this process's inboxes. */
interface Wanted {
  slot: number;
  /** The layer's name for what arrives here; undefined for an inbox (the name is in the payload). */
  name: string | undefined;
  /** The subscriber it is subscribed on now, if any. */
  on: NodeSubscriber | undefined;
  /** The subscriber an SSUBSCRIBE for it is on its way to (its messages may come before the reply is handled). */
  placing?: NodeSubscriber;
  waiters: Array<{ resolve: () => void; reject: (error: Error) => void }>;
}

/** One connection per master, in subscriber mode, holding the shard channels of that master's slots. */
interface NodeSubscriber {
  key: string;
  client: Redis;
  alive: boolean;
  /** SSUBSCRIBEs sent and not answered, oldest first (replies come in order). */
  pending: Array<(error: Error) => void>;
}

/**
 * Sharded pub/sub (SPUBLISH / SSUBSCRIBE, Redis 7) on a Redis Cluster, for the pub/sub layer.
 *
 * Publishing goes through ioredis's `Cluster` client, which routes each SPUBLISH to the master
 * owning the shard channel's slot and follows MOVED and failovers itself. Subscribing does not:
 * ioredis's own sharded subscribers resubscribe in the background without saying when (or
 * whether) they are done, and leave an SSUBSCRIBE answered by MOVED pending forever. Here each
 * master has one subscriber connection the transport owns, every subscription is placed on the
 * master that owns its slot according to the cluster client's slot map, and a single
 * reconciliation puts back whatever was lost: on a dropped connection (a master killed), on
 * Redis's own `sunsubscribe` when a slot leaves a master (slot moved, failover), after every
 * slot map refresh (`slotsRefreshIntervalMs`, the fallback), retrying with backoff until it
 * holds. `down` says something is lost, `up` that everything is back.
 *
 * A channel of a process (`specific.<clientPrefix>!<id>`) is not a subscription of its own:
 * sharded pub/sub has no patterns, and one SSUBSCRIBE per consumer would cost a round trip per
 * `newChannel` and thousands of subscriptions to restore after a failover. Each process listens
 * on `INBOXES` inboxes instead, on evenly spaced slots of its own, and a send to one of its
 * channels is published to the inbox the channel name picks, with the name in front of the
 * payload. Groups and named channels are shard channels of their own, each on the slot of its
 * name's CRC16 through a precomputed hash tag (cluster-hash-tags.ts): spread over every slot.
 */
export class ClusterPubSubTransport implements PubSubTransport {
  private readonly cluster: Cluster;
  private readonly subscribers = new Map<string, NodeSubscriber>();
  private readonly wanted = new Map<string, Wanted>();
  private readonly description: string;
  private reconciling = false;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  /** Not every wanted subscription is placed, or the cluster is not connected. */
  private down = true;
  /** `down` was emitted and `up` not yet. */
  private reported = false;
  private everUp = false;
  private downSince = Date.now();
  private lastError: Error | undefined;
  private closed = false;
  /** The error of this outage, made once, so that every operation fails with the same one. */
  private unavailableError: RedisHostUnavailable | undefined;
  private readonly connectWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private outageTimer: NodeJS.Timeout | undefined;
  /**
   * The master of every slot (`host:port`), as a master said last. ioredis's own map is read
   * from any node, replicas included, which learn of a moved slot by gossip, up to seconds
   * later; placing subscriptions by it sent them to the old owner again and again.
   */
  private owners: string[] | undefined;
  private readingOwners: Promise<void> | undefined;

  private readonly hooks: PubSubTransportListener;
  private readonly clientPrefix: string;
  /** Settles once this process's inboxes were first all placed. */
  private inboxes: Promise<void> | undefined;
  private inboxesPlaced = false;
  /** Publishes made while not `settled`, waiting for `up` (or for an outage to last too long). */
  private readonly settleWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  constructor(
    private readonly options: ClusterTransportOptions,
    context: PubSubTransportContext,
  ) {
    this.hooks = context.listener;
    this.clientPrefix = context.ownMarker.slice(1, -1);
    this.description = `cluster ${options.nodes.map(describeNode).join(",")}`;
    this.cluster = new Cluster(
      options.nodes.map((node) => (typeof node === "string" ? node : { host: node.host, port: node.port })),
      this.clusterOptions(),
    );
    // "Failed to refresh slots cache" says no node answered; the node's own error says why.
    this.cluster.on("error", (error: Error & { lastNodeError?: Error }) => {
      this.lastError = error.lastNodeError ?? error;
      if (!this.everUp) this.markDown(this.lastError);
    });
    this.cluster.on("refresh", () => this.refreshSoon(undefined));
    this.cluster.on("ready", () => this.refreshSoon(undefined));
    this.cluster.on("close", () => this.markDown(this.lastError ?? new Error("the cluster connection closed")));
  }

  /**
   * Connects now rather than at the first operation. Resolves once the slot map is known and
   * every subscription asked for so far is placed; rejects with `RedisHostUnavailable` when no
   * node can be reached at first. Either way the transport keeps trying.
   */
  async connect(): Promise<void> {
    if (this.closed) throw new ChannelLayerClosed("connect");
    this.startConnecting();
    if (!this.down) return;
    const unavailable = this.unavailable;
    if (unavailable !== undefined) throw unavailable;
    await new Promise<void>((resolve, reject) => this.connectWaiters.push({ resolve, reject }));
  }

  /**
   * The error operations should fail with now: the cluster never answered, or subscriptions
   * have been lost for longer than `operationTimeoutMs`.
   */
  get unavailable(): RedisHostUnavailable | undefined {
    if (!this.down || this.closed) return undefined;
    if (this.unavailableError !== undefined) return this.unavailableError;
    if (!this.everUp) {
      if (this.lastError === undefined) return undefined;
      this.unavailableError = new RedisHostUnavailable(this.description, undefined, this.lastError);
    } else {
      const downFor = Date.now() - this.downSince;
      if (downFor < this.options.operationTimeoutMs) return undefined;
      this.unavailableError = new RedisHostUnavailable(this.description, downFor, this.lastError);
    }
    return this.unavailableError;
  }

  /** False while connecting, or while a subscription is lost, until every one is back: publishes wait meanwhile. */
  get settled(): boolean {
    return !this.down;
  }

  /**
   * SPUBLISH `payload` for `name`: to the inbox of the process owning a specific channel, else
   * to its own shard channel. Made while not `settled`, it waits for `up` first, so that a send
   * made during a failover is not lost for this process's own subscriptions.
   */
  publish(name: string, payload: Buffer): Promise<unknown> {
    if (this.down) return this.whenSettled().then(() => this.publishNow(name, payload));
    return this.publishNow(name, payload);
  }

  private publishNow(name: string, payload: Buffer): Promise<unknown> {
    const owner = SPECIFIC.exec(name)?.[1];
    if (owner === undefined) return this.cluster.spublish(spreadName(name), payload);
    const envelope = Buffer.allocUnsafe(1 + name.length + payload.length);
    envelope[0] = name.length; // channel names are under 100 ASCII characters
    envelope.write(name, 1, "latin1");
    payload.copy(envelope, 1 + name.length);
    return this.cluster.spublish(this.inbox(owner, crc16(name) % INBOXES), envelope);
  }

  private whenSettled(): Promise<void> {
    if (this.closed) return Promise.reject(new ChannelLayerClosed("publish"));
    const unavailable = this.unavailable;
    if (unavailable !== undefined) return Promise.reject(unavailable);
    this.startConnecting();
    return new Promise((resolve, reject) => this.settleWaiters.push({ resolve, reject }));
  }

  /** SSUBSCRIBE to a group or named channel; resolves once subscribed on the master owning it. */
  subscribe(name: string): Promise<void> {
    return this.want(spreadName(name), name);
  }

  unsubscribe(name: string): Promise<void> {
    return this.unwant(spreadName(name));
  }

  /** True while `name` (a group or named channel) is wanted, placed or not: the transport places it itself. */
  subscribed(name: string): boolean {
    return this.wanted.has(spreadName(name));
  }

  /** Unsubscribe from every group and named channel (the inboxes stay). */
  async unsubscribeAll(): Promise<void> {
    const channels = [...this.wanted].filter(([, wanted]) => wanted.name !== undefined).map(([channel]) => channel);
    await Promise.all(channels.map((channel) => this.unwant(channel)));
  }

  /**
   * Listen to `channel`, one of this process's own: the first call subscribes to every inbox of
   * the process (`INBOXES` of them), which carry all its channels; later calls cost nothing.
   */
  listenOwn(_channel: string): Promise<void> {
    this.inboxes ??= Promise.all(
      Array.from({ length: INBOXES }, (_, i) => this.want(this.inbox(this.clientPrefix, i), undefined)),
    ).then(
      () => {
        this.inboxesPlaced = true;
      },
      (error: unknown) => {
        this.inboxes = undefined; // asked again by the next listenOwn
        throw error;
      },
    );
    return this.inboxes;
  }

  /** True once the inboxes were placed: a receive on any own channel then asks the cluster nothing. */
  listeningOwn(_channel: string): boolean {
    return this.inboxesPlaced;
  }

  /** Nothing to do: a discarded channel had no subscription of its own (its inbox serves the others). */
  unlistenOwn(_channel: string): Promise<void> {
    return Promise.resolve();
  }

  /** The node (`host:port`) each subscribed shard channel is on now, by shard channel (for tests and metrics). */
  placement(): Map<string, string> {
    const placed = new Map<string, string>();
    for (const [channel, wanted] of this.wanted) if (wanted.on !== undefined) placed.set(channel, wanted.on.key);
    return placed;
  }

  /** PING through the cluster client (one node, as ioredis routes a keyless command). */
  ping(): Promise<unknown> {
    return this.cluster.ping();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    if (this.outageTimer !== undefined) clearTimeout(this.outageTimer);
    for (const waiter of this.connectWaiters.splice(0)) waiter.reject(new ChannelLayerClosed("connect"));
    for (const waiter of this.settleWaiters.splice(0)) waiter.reject(new ChannelLayerClosed("publish"));
    const error = new ChannelLayerClosed("subscribe");
    for (const wanted of this.wanted.values()) for (const waiter of wanted.waiters.splice(0)) waiter.reject(error);
    this.wanted.clear();
    for (const subscriber of this.subscribers.values()) this.drop(subscriber);
    this.subscribers.clear();
    disconnectCluster(this.cluster);
  }

  /** The inbox `index` of the process `clientPrefix`: on its own evenly spaced slot. */
  private inbox(clientPrefix: string, index: number): string {
    const slot = (crc16(clientPrefix) + Math.floor((index * CLUSTER_SLOTS) / INBOXES)) % CLUSTER_SLOTS;
    return onSlot(slot, `${this.options.prefix}__inbox__${clientPrefix}`);
  }

  private want(channel: string, name: string | undefined): Promise<void> {
    if (this.closed) return Promise.reject(new ChannelLayerClosed("subscribe"));
    let wanted = this.wanted.get(channel);
    if (wanted === undefined) {
      wanted = { slot: keySlot(channel), name, on: undefined, waiters: [] };
      this.wanted.set(channel, wanted);
    }
    if (wanted.on !== undefined) return Promise.resolve();
    const placed = new Promise<void>((resolve, reject) => (wanted as Wanted).waiters.push({ resolve, reject }));
    this.reconcileSoon();
    return placed;
  }

  private async unwant(channel: string): Promise<void> {
    const wanted = this.wanted.get(channel);
    if (wanted === undefined) return;
    this.wanted.delete(channel);
    for (const waiter of wanted.waiters.splice(0)) waiter.resolve();
    const subscriber = wanted.on;
    if (subscriber?.alive === true) await subscriber.client.sunsubscribe(channel).catch(() => undefined);
  }

  /** The cluster client connects lazily; the first subscription or connect() starts it. */
  private startConnecting(): void {
    if (this.cluster.status === "wait") this.cluster.connect().catch(() => undefined); // errors arrive as "error"
  }

  private reconcileSoon(): void {
    if (this.closed) return;
    this.startConnecting();
    this.reconcile().catch(() => undefined); // failures schedule their own retry
  }

  /** One reconciliation at a time; a request made while one runs makes it run once more. */
  private async reconcile(): Promise<void> {
    if (this.reconciling) {
      this.again = true;
      return;
    }
    this.reconciling = true;
    try {
      do {
        this.again = false;
        await this.placeAll();
      } while (this.again && !this.closed);
    } finally {
      this.reconciling = false;
    }
  }

  /**
   * Subscribes every wanted channel that is not on the master owning its slot now, one
   * SSUBSCRIBE per slot (a command's channels must share one). Emits `up` when everything is
   * placed; otherwise refreshes the slot map and tries again after a backoff.
   */
  private async placeAll(): Promise<void> {
    if (this.closed || this.cluster.status !== "ready") return;
    const slots = this.owners ?? this.cluster.slots.map((nodes) => nodes[0] as string);
    const bySlot = new Map<number, string[]>();
    for (const [channel, wanted] of this.wanted) {
      const owner = slots[wanted.slot];
      if (wanted.on !== undefined && wanted.on.alive && wanted.on.key === owner) continue;
      // Its slot left that master without a word from Redis (a failover demotes a master silently).
      if (wanted.on !== undefined) {
        this.markDown(new Error(`slot ${wanted.slot} moved from ${wanted.on.key} to ${owner}`));
        // A demoted master is a replica of the same shard and still delivers the shard's messages
        // to its subscribers: leave it, or every message would arrive twice.
        if (wanted.on.alive) wanted.on.client.sunsubscribe(channel).catch(() => undefined);
      }
      wanted.on = undefined;
      const group = bySlot.get(wanted.slot);
      if (group === undefined) bySlot.set(wanted.slot, [channel]);
      else group.push(channel);
    }
    let failure: Error | undefined;
    await Promise.all(
      [...bySlot].map(async ([slot, channels]) => {
        const owner = slots[slot];
        if (owner === undefined) {
          failure = new Error(`no master owns slot ${slot}`);
          return;
        }
        const subscriber = this.subscriber(owner);
        for (const channel of channels) {
          const wanted = this.wanted.get(channel);
          if (wanted !== undefined) wanted.placing = subscriber;
        }
        try {
          await this.ssubscribe(subscriber, channels);
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
          return;
        }
        for (const channel of channels) {
          const wanted = this.wanted.get(channel);
          // Unsubscribed while the SSUBSCRIBE was on its way: undo it (same connection, so in order).
          if (wanted === undefined && subscriber.alive) subscriber.client.sunsubscribe(channel).catch(() => undefined);
          if (wanted === undefined || !subscriber.alive) continue;
          wanted.on = subscriber;
          wanted.placing = undefined;
          for (const waiter of wanted.waiters.splice(0)) waiter.resolve();
        }
      }),
    );
    if (this.closed) return;
    if (failure !== undefined) return this.retryLater(failure);
    for (const wanted of this.wanted.values()) if (wanted.on === undefined) return this.retryLater(undefined);
    this.attempts = 0;
    this.markUp();
  }

  private retryLater(error: Error | undefined): void {
    if (error !== undefined) {
      this.markDown(error);
      if (this.everUp) this.hooks.backgroundError("restore", error);
    }
    if (this.retryTimer !== undefined || this.closed) return;
    const { reconnectMinDelayMs: min, reconnectMaxDelayMs: max } = this.options;
    const delay = Math.min(min * 2 ** Math.min(this.attempts++, 16), max);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      // A fresh slot map first: the owner the last one named is dead or no longer owns the slot.
      this.refreshSoon(undefined);
    }, delay);
    this.retryTimer.unref(); // the subscribers' connections keep the process alive, not the retry
  }

  /** Reads the slot owners again (from `askFirst` first, if given), then reconciles. */
  private refreshSoon(askFirst: string | undefined): void {
    if (this.closed) return;
    this.readingOwners ??= this.readOwners(askFirst).finally(() => (this.readingOwners = undefined));
    this.readingOwners.then(
      () => this.reconcileSoon(),
      () => this.reconcileSoon(),
    );
  }

  /**
   * CLUSTER SLOTS from a master: the one named first (the master that just gave a slot away
   * knows where it went), then the others ioredis knows; ioredis's map if none answers.
   */
  private async readOwners(askFirst: string | undefined): Promise<void> {
    const masters = this.cluster.nodes("master");
    const keyOf = (node: Redis): string => `${node.options.host ?? "127.0.0.1"}:${node.options.port ?? 6379}`;
    const ordered = [...masters].sort((x, y) => Number(keyOf(y) === askFirst) - Number(keyOf(x) === askFirst));
    for (const node of ordered) {
      try {
        const reply = (await withAnswerDeadline(
          node.call("CLUSTER", "SLOTS"),
          this.options.operationTimeoutMs,
          `CLUSTER SLOTS to ${keyOf(node)}`,
        )) as Array<[number, number, [string, number, ...unknown[]]]>;
        const owners = new Array<string>(CLUSTER_SLOTS);
        for (const [from, to, [host, port]] of reply) owners.fill(this.nodeKey(host, port), from, to + 1);
        this.owners = owners;
        return;
      } catch {
        // a dead, hung or demoted master: ask the next
      }
    }
    this.owners = undefined;
  }

  /** The key ioredis gives the node an address names (through `natMap`, if any). */
  private nodeKey(host: string, port: number): string {
    const mapped = this.options.natMap?.[`${host}:${port}`];
    return mapped === undefined ? `${host}:${port}` : `${mapped.host}:${mapped.port}`;
  }

  /**
   * SSUBSCRIBE `channels` (of one slot). ioredis answers a MOVED only with a "moved" event and
   * leaves the command's promise pending; replies come in order, so a "moved" is the answer to
   * the oldest SSUBSCRIBE unanswered, which is rejected here instead.
   */
  private async ssubscribe(subscriber: NodeSubscriber, channels: string[]): Promise<void> {
    let rejectMoved: (error: Error) => void = () => undefined;
    const moved = new Promise<never>((_, reject) => (rejectMoved = reject));
    subscriber.pending.push(rejectMoved);
    const { operationTimeoutMs } = this.options;
    try {
      await withAnswerDeadline(
        Promise.race([subscriber.client.ssubscribe(...channels), moved]),
        operationTimeoutMs,
        `SSUBSCRIBE to ${subscriber.key}`,
      );
    } catch (error) {
      // A hung node: its connection is dropped (what it held is placed again) rather than waited on.
      if (error instanceof NoAnswer) this.lose(subscriber, error);
      throw error;
    } finally {
      const index = subscriber.pending.indexOf(rejectMoved);
      if (index !== -1) subscriber.pending.splice(index, 1);
    }
  }

  private subscriber(key: string): NodeSubscriber {
    const existing = this.subscribers.get(key);
    if (existing !== undefined && existing.alive) return existing;
    const separator = key.lastIndexOf(":");
    const client = new Redis({
      ...this.nodeOptions(),
      host: key.slice(0, separator),
      port: Number(key.slice(separator + 1)),
      // The transport reconnects (to whichever master owns the slots by then) and resubscribes itself.
      retryStrategy: () => null,
      autoResubscribe: false,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      connectTimeout: this.options.operationTimeoutMs,
      disconnectTimeout: 100,
    });
    const subscriber: NodeSubscriber = { key, client, alive: true, pending: [] };
    this.subscribers.set(key, subscriber);
    client.on("smessageBuffer", (channel: Buffer, payload: Buffer) =>
      this.onMessage(subscriber, channel.toString(), payload),
    );
    client.on("error", (error: Error) => this.onSubscriberError(subscriber, error));
    client.on("moved", () =>
      subscriber.pending.shift()?.(new Error(`${key} answered MOVED: it no longer owns that slot`)),
    );
    client.on("close", () => this.lose(subscriber, this.lastError ?? new Error(`the connection to ${key} closed`)));
    return subscriber;
  }

  /**
   * Redis unsubscribes the clients of a slot's shard channels itself (a `sunsubscribe` push)
   * when the slot leaves the master, on a slot move or a failover. ioredis, expecting that only
   * as a reply, reports it as a queue state error naming the reply: the channel is placed again.
   * Any other queue state error means replies and commands no longer match: start over.
   */
  private onSubscriberError(subscriber: NodeSubscriber, error: Error): void {
    this.lastError = error;
    if (!error.message.startsWith("Command queue state error")) return;
    const pushed = /Last reply: sunsubscribe,(.*),\d+$/.exec(error.message)?.[1];
    const wanted = pushed === undefined ? undefined : this.wanted.get(pushed);
    if (pushed === undefined) return this.lose(subscriber, error);
    if (wanted?.on !== subscriber) return;
    wanted.on = undefined;
    this.markDown(new Error(`${subscriber.key} dropped ${pushed} (its slot ${wanted.slot} moved)`));
    this.refreshSoon(subscriber.key);
  }

  /** The connection is gone or unusable: what it held is placed again, on a new connection. */
  private lose(subscriber: NodeSubscriber, error: Error): void {
    if (!subscriber.alive) return;
    this.drop(subscriber);
    if (this.subscribers.get(subscriber.key) === subscriber) this.subscribers.delete(subscriber.key);
    if (this.closed) return;
    let held = false;
    for (const wanted of this.wanted.values())
      if (wanted.on === subscriber) {
        wanted.on = undefined;
        held = true;
      }
    if (held) this.markDown(error);
    this.retryLater(undefined);
  }

  private drop(subscriber: NodeSubscriber): void {
    subscriber.alive = false;
    for (const reject of subscriber.pending.splice(0)) reject(new Error(`the connection to ${subscriber.key} closed`));
    subscriber.client.removeAllListeners("smessageBuffer");
    subscriber.client.disconnect();
  }

  private onMessage(from: NodeSubscriber, channel: string, payload: Buffer): void {
    const wanted = this.wanted.get(channel);
    if (wanted === undefined) return; // unsubscribed meanwhile
    // Only the connection the subscription is placed on (or being placed on) delivers: a node
    // that lost the slot (now a replica of its shard) may still send a copy until its
    // SUNSUBSCRIBE is done.
    if ((wanted.on ?? wanted.placing) !== from) return;
    if (wanted.name !== undefined) return this.hooks.message(wanted.name, payload);
    const length = payload[0] ?? 0;
    if (payload.length < 1 + length) return this.hooks.message(channel, payload); // the layer reports it undecodable
    this.hooks.message(payload.toString("latin1", 1, 1 + length), payload.subarray(1 + length));
  }

  private markDown(error: Error): void {
    this.lastError = error;
    if (this.closed) return;
    if (!this.down) {
      this.down = true;
      this.downSince = Date.now();
      this.outageTimer = setTimeout(() => this.giveUp(), this.options.operationTimeoutMs);
      this.outageTimer.unref();
    }
    if (!this.everUp) this.giveUp();
    if (this.reported) return;
    this.reported = true;
    this.hooks.down({ shard: 0, host: this.description, error, firstConnection: !this.everUp });
  }

  /** Unreachable at first, or down for `operationTimeoutMs`: what waits on the cluster fails. */
  private giveUp(): void {
    this.outageTimer = undefined;
    const unavailable = this.unavailable;
    if (unavailable === undefined) {
      // A timer may fire a millisecond before Date.now() says its time has come.
      const left = this.options.operationTimeoutMs - (Date.now() - this.downSince);
      if (this.down && this.everUp && !this.closed) {
        this.outageTimer = setTimeout(() => this.giveUp(), left + 1);
        this.outageTimer.unref();
      }
      return;
    }
    for (const waiter of this.connectWaiters.splice(0)) waiter.reject(unavailable);
    for (const waiter of this.settleWaiters.splice(0)) waiter.reject(unavailable);
    this.hooks.unavailable(unavailable);
  }

  private markUp(): void {
    if (this.closed) return;
    this.down = false;
    this.everUp = true;
    this.unavailableError = undefined;
    if (this.outageTimer !== undefined) clearTimeout(this.outageTimer);
    this.outageTimer = undefined;
    for (const waiter of this.connectWaiters.splice(0)) waiter.resolve();
    for (const waiter of this.settleWaiters.splice(0)) waiter.resolve();
    if (!this.reported) return;
    this.reported = false;
    this.hooks.up({ shard: 0, host: this.description });
  }

  private nodeOptions(): RedisOptions {
    const { username, password, tls } = this.options;
    return {
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
      ...(tls === undefined ? {} : { tls }),
    };
  }

  private clusterOptions(): ClusterOptions {
    const { natMap, slotsRefreshIntervalMs, reconnectMinDelayMs: min, reconnectMaxDelayMs: max } = this.options;
    return {
      lazyConnect: true,
      scaleReads: "master",
      slotsRefreshInterval: slotsRefreshIntervalMs ?? 1000,
      clusterRetryStrategy: (times) => Math.min(min * 2 ** Math.min(times - 1, 16), max),
      redisOptions: { ...this.nodeOptions(), disconnectTimeout: 100 },
      ...(natMap === undefined ? {} : { natMap: { ...natMap } }),
    };
  }
}

function describeNode(node: ClusterNodeAddress): string {
  return typeof node === "string" ? node.replace(/\/\/[^@/]*@/, "//") : `${node.host}:${node.port}`;
}
