import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { EventEmitter } from "eventemitter3";
import {
  ChannelLayerClosed,
  ChannelReceiveAborted,
  type ChannelLayer,
  type LayerReceiver,
  type Message,
  type ReceiveOptions,
} from "@channels-ts/core";
import {
  ChannelCapacities,
  requireCapacity,
  validateChannelName,
  validateChannelPrefix,
  validateGroupName,
  validateMessage,
} from "@channels-ts/core/layer-kit";
import { checkClusterOptions } from "./cluster-options";
import { ClusterPubSubTransport } from "./cluster-pubsub-transport";
import { consistentHash } from "./consistent-hash";
import type { LayerEvents } from "./layer-events";
import { MalformedCounter } from "./malformed-counter";
import { Memberships } from "./memberships";
import { PendingOperations } from "./pending-operations";
import { PubSubDrops, type PubSubDropCounts, type PubSubDroppedEvent } from "./pubsub-drops";
import { PubSubMailboxes } from "./pubsub-mailboxes";
import { checkNumber, checkPrefix, CONNECTION_DEFAULTS, type RedisPubSubChannelLayerOptions } from "./options";
import { MessageSerializer } from "./serializer";
import { afterRestore, connectShards, firstUnavailable, openShards, type RedisShard } from "./shard";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import { parseWireMessage } from "./wire-message";

/** One host's subscriber connection and what it should be subscribed to. */
interface Subscriber {
  client: Redis;
  channels: Set<string>;
  patterns: Set<string>;
}

/**
 * A channel layer on Redis Pub/Sub, in channels_redis's `RedisPubSubChannelLayer` format: a
 * message is one PUBLISH of plain msgpack on the channel's own name, a group is the Pub/Sub
 * channel `<prefix>__group__<group>`, and membership lives in the process that made it. Nothing
 * is stored, so nothing has capacity or expiry on Redis: a message published while nobody
 * listens is lost. This process listens to its own channels with one pattern subscription per
 * host and subscribes to a group only while it has members in it.
 */
export class RedisPubSubChannelLayer extends EventEmitter<LayerEvents> implements ChannelLayer {
  readonly extensions = ["groups", "flush"] as const;
  /** 32 hex digits in every channel name this layer makes: `specific.<clientPrefix>!<id>`. */
  readonly clientPrefix = randomUUID().replace(/-/g, "");
  readonly prefix: string;

  private readonly shards: RedisShard[];
  private readonly subscribers: Array<Subscriber | undefined>;
  private readonly local: PubSubMailboxes;
  private readonly drops: PubSubDrops;
  private readonly serializer = new MessageSerializer({ prefixed: false });
  private readonly malformed: MalformedCounter;
  /** Local members by group (the score is unused: memberships here never expire). */
  private readonly memberships = new Memberships();
  private readonly ownPattern: string;
  private readonly ownMarker: string;
  private readonly pending = new PendingOperations();
  /** True once every host has this process's pattern subscription: a receive then asks Redis nothing. */
  private listeningToOwn = false;
  /** PUBLISHes written whose reply has not come back (see `publish`). */
  private inFlight = 0;
  private closed = false;
  private readonly mailboxIdleMs: number;
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Set with the `cluster` option: sharded pub/sub on a Redis Cluster instead of `hosts` (no shards then). */
  private readonly cluster: ClusterPubSubTransport | undefined;

  constructor(options: RedisPubSubChannelLayerOptions = {}) {
    super();
    const o = { ...CONNECTION_DEFAULTS, ...options };
    checkPrefix(o.prefix);
    checkNumber("operationTimeoutMs", o.operationTimeoutMs, 1);
    checkNumber("expiry", o.expiry ?? 60, 0.001);
    this.mailboxIdleMs = (o.expiry ?? 60) * 1000;
    this.prefix = o.prefix;
    const capacities = new ChannelCapacities(o.channelCapacity, requireCapacity("capacity", o.capacity ?? 100));
    this.drops = new PubSubDrops(o.logger ?? console, o.warnIntervalMs, (event) => this.emitDropped(event));
    this.local = new PubSubMailboxes(
      (channel) => capacities.get(channel),
      (channel) => this.drops.count("channel full", channel),
    );
    this.malformed = new MalformedCounter("RedisPubSubChannelLayer", o.logger ?? console, o.warnIntervalMs);
    this.ownMarker = `.${this.clientPrefix}!`;
    this.ownPattern = `*${this.ownMarker}*`;
    if (o.cluster !== undefined) {
      if (options.hosts !== undefined)
        throw new TypeError("hosts and cluster are both set: give cluster (a Redis Cluster) or hosts, not both.");
      checkClusterOptions(o.cluster);
      this.cluster = new ClusterPubSubTransport(
        { ...o.cluster, prefix: o.prefix, ...pickPolicy(o) },
        {
          ownMarker: this.ownMarker,
          listener: {
            message: (name, payload) => this.onMessage(name, payload),
            down: (event) => this.emit("down", event),
            up: (event) => this.emit("up", event),
            unavailable: (error) => this.pending.rejectFor(0, error),
            backgroundError: () => undefined, // until the transport seam reports these
          },
        },
      );
    }
    this.shards =
      o.cluster !== undefined
        ? []
        : openShards(o, {
            down: (event) => this.emit("down", event),
            up: (event) => this.emit("up", event),
            restoreShard: (index) => this.resubscribe(index),
            failShard: (index, error) => this.pending.rejectFor(index, error),
          });
    this.subscribers = this.shards.map(() => undefined);
  }

  /**
   * Connects to every host now instead of at the first operation, so that a wrong URL or a Redis
   * that is not running shows at startup. Resolves once every host is up; rejects with
   * `RedisHostUnavailable` naming the first host that cannot be reached. Either way the layer
   * keeps reconnecting, emits `up` once the host is back, and works from then on.
   */
  async connect(): Promise<void> {
    this.assertOpen("connect");
    await (this.cluster?.connect() ?? connectShards(this.shards));
  }

  /**
   * The error operations fail with right now, because a host has not been reached since the
   * layer started or has been down for longer than `operationTimeoutMs`; undefined otherwise.
   * An application can refuse new clients promptly while it is set.
   */
  get unavailable(): RedisHostUnavailable | undefined {
    return this.cluster?.unavailable ?? firstUnavailable(this.shards);
  }

  /** Payloads dropped because they could not be decoded or had the wrong shape. */
  get malformedCount(): number {
    return this.malformed.count;
  }

  /** Messages this layer could not deliver since it started, by reason (each also emitted as `dropped`). */
  get droppedCounts(): PubSubDropCounts {
    return this.drops.snapshot;
  }

  /** The Pub/Sub channel of `group`, as channels_redis names it. */
  groupChannel(group: string): string {
    return `${this.prefix}__group__${group}`;
  }

  async newChannel(prefix = "specific"): Promise<string> {
    this.assertOpen("newChannel");
    validateChannelPrefix(prefix, 1 + 32 + 1 + 32);
    await this.guard("newChannel", this.listenToOwnChannels());
    return `${prefix}${this.ownMarker}${randomUUID().replace(/-/g, "")}`;
  }

  async send(channel: string, message: Message): Promise<void> {
    this.assertOpen("send");
    validateChannelName(channel);
    validateMessage(message);
    await this.publish("send", channel, this.serializer.serialize(message));
  }

  // Not async: a message already here is handed over without waiting on anything else.
  receive(channel: string, options: ReceiveOptions = {}): Promise<Message> {
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.closed) return Promise.reject(new ChannelReceiveAborted(channel, "closed"));
    try {
      validateChannelName(channel);
    } catch (error) {
      return Promise.reject(error);
    }
    const queued = this.local.take(channel);
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<Message>((resolve, reject) => {
      const onAbort = (): void => {
        if (this.local.cancel(channel, receiver)) reject(signal?.reason);
      };
      const receiver: LayerReceiver = {
        onLayerMessage: (message) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(message);
        },
        onLayerError: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.local.wait(channel, receiver);
      this.listenFor(channel);
    });
  }

  receiveInto(channel: string, receiver: LayerReceiver): void {
    if (this.closed) return receiver.onLayerError(new ChannelReceiveAborted(channel, "closed"));
    // A consumer's channel keeps its mailbox between messages: its name is checked once, not per wait.
    if (!this.local.has(channel)) validateChannelName(channel);
    const queued = this.local.take(channel);
    if (queued !== undefined) return receiver.onLayerMessage(queued);
    this.local.wait(channel, receiver);
    this.listenFor(channel);
  }

  receiveNowait(channel: string): Message | undefined {
    if (this.closed) throw new ChannelReceiveAborted(channel, "closed");
    if (!this.local.has(channel)) validateChannelName(channel);
    return this.local.take(channel);
  }

  async groupAdd(group: string, channel: string): Promise<void> {
    this.assertOpen("groupAdd");
    validateGroupName(group);
    validateChannelName(channel);
    this.memberships.add(group, channel, 0);
    await this.guard("groupAdd", this.subscribe(this.groupChannel(group), false));
  }

  async groupDiscard(group: string, channel: string): Promise<void> {
    this.assertOpen("groupDiscard");
    validateGroupName(group);
    validateChannelName(channel);
    this.memberships.remove(group, channel);
    await this.unsubscribeIfUnused(group);
  }

  async groupSend(group: string, message: Message): Promise<void> {
    this.assertOpen("groupSend");
    validateGroupName(group);
    validateMessage(message);
    await this.publish("groupSend", this.groupChannel(group), this.serializer.serialize(message));
  }

  async discardChannel(channel: string): Promise<void> {
    this.local.discard(channel, new ChannelReceiveAborted(channel, "discarded"));
    const groups = this.memberships.removeChannel(channel);
    if (this.closed) return;
    await Promise.all([...groups.map((group) => this.unsubscribeIfUnused(group)), this.unsubscribe(channel)]);
  }

  /** Forget every membership and queued message, and leave every group and named channel. */
  async flush(): Promise<void> {
    this.assertOpen("flush");
    this.memberships.clear();
    this.local.clearQueues();
    await this.cluster?.unsubscribeAll();
    await Promise.all(
      this.subscribers.map(async (subscriber) => {
        if (subscriber === undefined || subscriber.channels.size === 0) return;
        const names = [...subscriber.channels];
        subscriber.channels.clear();
        await subscriber.client.unsubscribe(...names);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    this.drops.close();
    this.local.closeAll((channel) => new ChannelReceiveAborted(channel, "closed"));
    this.pending.rejectAll((operation) => new ChannelLayerClosed(operation));
    for (const shard of this.shards) shard.close();
    this.cluster?.close();
  }

  private listenToOwnChannels(): Promise<void> {
    if (this.listeningToOwn) return Promise.resolve();
    if (this.cluster !== undefined)
      return this.cluster.listenOwn(this.ownMarker).then(() => {
        this.listeningToOwn = true;
      });
    // Python publishes a direct send on the shard of the full channel name, so every host is listened to.
    return Promise.all(this.shards.map((shard) => this.psubscribe(shard.index, this.ownPattern))).then(() => {
      this.listeningToOwn = true;
    });
  }

  /**
   * Makes sure Redis forwards `channel`'s messages here, asking only when it does not yet; a
   * failure to subscribe fails the channel's waiting receives.
   */
  private listenFor(channel: string): void {
    const own = channel.includes(this.ownMarker);
    if (own ? this.listeningToOwn : this.isSubscribed(channel)) return;
    const listening = own ? this.listenToOwnChannels() : this.subscribe(channel, false);
    // Tracked so that close() ends a receive whose subscription waits on a host that is down.
    this.pending.track("receive", CLOSE_ONLY, listening).catch((error: unknown) => this.local.discard(channel, error));
  }

  private isSubscribed(channel: string): boolean {
    if (this.cluster !== undefined) return this.cluster.subscribed(channel);
    return this.subscribers[this.shardOf(channel)]?.channels.has(channel) === true;
  }

  private shardOf(name: string): number {
    return consistentHash(name, this.shards.length);
  }

  private subscriber(index: number): Subscriber {
    let subscriber = this.subscribers[index];
    if (subscriber === undefined) {
      // The layer resubscribes itself after a reconnect, so that `up` means "listening again".
      const client = (this.shards[index] as RedisShard).open(
        { autoResubscribe: false, maxRetriesPerRequest: null },
        true,
      );
      client.on("messageBuffer", (channel: Buffer, data: Buffer) => this.onMessage(channel.toString(), data));
      client.on("pmessageBuffer", (_pattern: Buffer, channel: Buffer, data: Buffer) =>
        this.onMessage(channel.toString(), data),
      );
      subscriber = { client, channels: new Set(), patterns: new Set() };
      this.subscribers[index] = subscriber;
    }
    return subscriber;
  }

  private async psubscribe(index: number, pattern: string): Promise<void> {
    const subscriber = this.subscriber(index);
    if (subscriber.patterns.has(pattern)) return;
    subscriber.patterns.add(pattern);
    try {
      await subscriber.client.psubscribe(pattern);
    } catch (error) {
      subscriber.patterns.delete(pattern);
      throw error;
    }
  }

  /** SUBSCRIBE `name` on its shard (group channels and channels named by a receive). */
  private async subscribe(name: string, force: boolean): Promise<void> {
    if (this.cluster !== undefined) return this.cluster.subscribe(name);
    const subscriber = this.subscriber(this.shardOf(name));
    if (subscriber.channels.has(name) && !force) return;
    subscriber.channels.add(name);
    try {
      await subscriber.client.subscribe(name);
    } catch (error) {
      subscriber.channels.delete(name);
      throw error;
    }
  }

  private async unsubscribe(name: string): Promise<void> {
    if (this.cluster !== undefined) return this.cluster.unsubscribe(name);
    const subscriber = this.subscribers[this.shardOf(name)];
    if (subscriber === undefined || !subscriber.channels.delete(name)) return;
    await subscriber.client.unsubscribe(name);
  }

  private async unsubscribeIfUnused(group: string): Promise<void> {
    if (this.memberships.membersOf(group) !== undefined) return;
    await this.unsubscribe(this.groupChannel(group));
  }

  /** After a reconnect: subscribe again to what this host's subscriber had. */
  private async resubscribe(index: number): Promise<void> {
    const subscriber = this.subscribers[index];
    if (subscriber === undefined) return;
    const writes: Array<Promise<unknown>> = [];
    if (subscriber.patterns.size > 0) writes.push(subscriber.client.psubscribe(...subscriber.patterns));
    if (subscriber.channels.size > 0) writes.push(subscriber.client.subscribe(...subscriber.channels));
    await Promise.all(writes);
  }

  private onMessage(name: string, data: Buffer): void {
    let message: Message;
    try {
      message = parseWireMessage(this.serializer.deserialize(data)).message;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.malformed.report(`Pub/Sub channel ${JSON.stringify(name)}`, reason);
      this.emit("malformed", { source: name, reason });
      this.drops.countLoggedElsewhere("undecodable", name);
      return;
    }
    this.ensureSweep();
    if (name.startsWith(this.prefix) && name.startsWith("__group__", this.prefix.length)) {
      const members = this.memberships.membersOf(name.slice(this.prefix.length + "__group__".length));
      if (members !== undefined) for (const [channel] of members) this.local.deliver(channel, message);
      return;
    }
    this.local.deliver(name, message);
  }

  /** Mailboxes of channels nobody receives on (e.g. discarded while a message was in flight) go after `expiry`. */
  private ensureSweep(): void {
    if (this.sweepTimer !== undefined || this.closed) return;
    const idleMs = this.mailboxIdleMs;
    this.sweepTimer = setInterval(() => this.local.sweep(idleMs), Math.max(50, idleMs));
    this.sweepTimer.unref();
  }

  /**
   * PUBLISH `payload` on `name`. The caller does not wait for Redis's reply: commands on one
   * connection run in order, so the next send cannot overtake this one, and a consumer that
   * awaits each send (one message at a time) would otherwise pay a round trip per message. A
   * PUBLISH that fails is counted and reported as dropped (`layer down`). The reply is awaited
   * only while `MAX_IN_FLIGHT` are unanswered (backpressure when Redis falls behind), and a
   * send made while a host reconnects waits until this process's subscriptions are back there.
   */
  private publish(operation: string, name: string, payload: Buffer): Promise<void> {
    const blocked = this.blockedBy(operation);
    if (blocked !== undefined) return blocked;
    for (const shard of this.shards)
      if (!shard.settled) return this.guard(operation, this.publishWhenUp(name, payload));
    const reply = this.write(name, payload);
    return this.inFlight > MAX_IN_FLIGHT ? this.guard(operation, reply) : RESOLVED;
  }

  /** Before the first connection or during a reconnect: wait for the host, and for the reply (a failure is the caller's). */
  private async publishWhenUp(name: string, payload: Buffer): Promise<void> {
    await afterRestore(this.shards);
    await this.publisher(name).publish(name, payload);
  }

  /** Writes one PUBLISH; the promise settles with its reply, and never rejects (a failure is a drop). */
  private write(name: string, payload: Buffer): Promise<void> {
    this.inFlight++;
    return (this.cluster?.publish(name, payload) ?? this.publisher(name).publish(name, payload)).then(
      () => {
        this.inFlight--;
      },
      (error: unknown) => {
        this.inFlight--;
        if (this.closed) return;
        this.drops.count("layer down", name, error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** A rejected promise when the layer is closed or a host has been down too long; undefined otherwise. */
  private blockedBy(operation: string): Promise<never> | undefined {
    if (this.closed) return Promise.reject(new ChannelLayerClosed(operation));
    const unavailable = this.unavailable;
    return unavailable === undefined ? undefined : Promise.reject(unavailable);
  }

  /** `work`, settled early by close() or by an outage of any host lasting `operationTimeoutMs`. */
  private guard<T>(operation: string, work: Promise<T>): Promise<T> {
    if (this.closed) {
      work.catch(noop);
      return Promise.reject(new ChannelLayerClosed(operation));
    }
    const unavailable = this.unavailable;
    if (unavailable !== undefined) {
      work.catch(noop);
      return Promise.reject(unavailable);
    }
    return this.pending.track(operation, -1, work);
  }

  private publisher(name: string): Redis {
    return (this.shards[this.shardOf(name)] as RedisShard).client;
  }

  /** The shared `dropped` event (LayerEvents), one per message the pub/sub layer could not deliver. */
  private emitDropped(event: PubSubDroppedEvent): void {
    this.emit("dropped", event);
  }

  private assertOpen(method: string): void {
    if (this.closed) throw new ChannelLayerClosed(method);
  }
}

/** A shard index no host has: the operation is settled by close() only, never by an outage. */
const CLOSE_ONLY = -2;

/** Unanswered PUBLISHes beyond which a send waits for its reply. */
const MAX_IN_FLIGHT = 4096;

const RESOLVED: Promise<void> = Promise.resolve();

function pickPolicy(o: typeof CONNECTION_DEFAULTS): {
  reconnectMinDelayMs: number;
  reconnectMaxDelayMs: number;
  operationTimeoutMs: number;
} {
  const { reconnectMinDelayMs, reconnectMaxDelayMs, operationTimeoutMs } = o;
  return { reconnectMinDelayMs, reconnectMaxDelayMs, operationTimeoutMs };
}

function noop(): void {}
