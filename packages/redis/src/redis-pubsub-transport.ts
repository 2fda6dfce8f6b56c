import type Redis from "ioredis";
import { consistentHash } from "./consistent-hash";
import type { RedisConnectionOptions } from "./options";
import type { PubSubTransport, PubSubTransportContext } from "./pubsub-transport";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import { afterRestore, connectShards, firstUnavailable, openShards, type RedisShard } from "./shard";

/** One host's subscriber connection and what it should be subscribed to. */
interface Subscriber {
  client: Redis;
  channels: Set<string>;
  patterns: Set<string>;
  /** SUBSCRIBEs (by channel) and PSUBSCRIBEs (`pattern <p>`) sent and not yet answered. */
  pending: Map<string, Promise<void>>;
}

type TransportOptions = Required<
  Pick<RedisConnectionOptions, "reconnectMinDelayMs" | "reconnectMaxDelayMs" | "operationTimeoutMs">
> &
  Pick<RedisConnectionOptions, "hosts">;

/**
 * The pub/sub layer's transport on ioredis, for one Redis, several hosts sharded as
 * channels_redis does (a name is published and subscribed on `consistentHash(name)`'s host), or
 * Sentinel: PUBLISH on each host's command connection, SUBSCRIBE and one PSUBSCRIBE of this
 * process's own channels on a dedicated subscriber connection per host, made on first use. After
 * a reconnect it subscribes again to what the host had before it reports `up`.
 */
export class RedisPubSubTransport implements PubSubTransport {
  private readonly shards: RedisShard[];
  private readonly subscribers: Array<Subscriber | undefined>;
  private readonly ownPattern: string;
  /** True once every host has this process's pattern subscription. */
  private listeningToOwn = false;

  constructor(
    options: TransportOptions,
    private readonly context: PubSubTransportContext,
  ) {
    this.ownPattern = `*${context.ownMarker}*`;
    const listener = context.listener;
    this.shards = openShards(options, {
      down: (event) => listener.down(event),
      up: (event) => listener.up(event),
      restoreShard: (index) => this.resubscribe(index),
      failShard: (_index, error) => listener.unavailable(error as RedisHostUnavailable),
      restoreFailed: (_index, error) => listener.backgroundError("restore", error),
      restarted: (event) => listener.restarted?.(event),
    });
    this.subscribers = this.shards.map(() => undefined);
  }

  get settled(): boolean {
    for (const shard of this.shards) if (!shard.settled) return false;
    return true;
  }

  get unavailable(): RedisHostUnavailable | undefined {
    return firstUnavailable(this.shards);
  }

  ping(): Promise<unknown> {
    return Promise.all(this.shards.map((shard) => shard.client.ping()));
  }

  connect(): Promise<void> {
    return connectShards(this.shards);
  }

  publish(name: string, payload: Buffer): Promise<unknown> {
    const client = (this.shards[this.shardOf(name)] as RedisShard).client;
    if (this.settled) return client.publish(name, payload);
    // A send made while a host reconnects goes out once this process's subscriptions are back there.
    return afterRestore(this.shards).then(() => client.publish(name, payload));
  }

  async subscribe(name: string): Promise<void> {
    const subscriber = this.subscriber(this.shardOf(name));
    if (subscriber.channels.has(name)) {
      // A second member joining while the first one's SUBSCRIBE is unanswered waits for it too:
      // resolving at once let its first group send be published before Redis had the subscription
      // (the sender's own message never came back, in the chat's connect/join/send cycles).
      await subscriber.pending.get(name);
      return;
    }
    subscriber.channels.add(name);
    const subscribing = subscriber.client.subscribe(name).then(
      () => undefined,
      (error: unknown) => {
        subscriber.channels.delete(name);
        throw error;
      },
    );
    subscriber.pending.set(name, subscribing);
    try {
      await subscribing;
    } finally {
      if (subscriber.pending.get(name) === subscribing) subscriber.pending.delete(name);
    }
  }

  subscribed(name: string): boolean {
    return this.subscribers[this.shardOf(name)]?.channels.has(name) === true;
  }

  async unsubscribe(name: string): Promise<void> {
    const subscriber = this.subscribers[this.shardOf(name)];
    if (subscriber === undefined || !subscriber.channels.delete(name)) return;
    await subscriber.client.unsubscribe(name);
  }

  async unsubscribeAll(): Promise<void> {
    await Promise.all(
      this.subscribers.map(async (subscriber) => {
        if (subscriber === undefined || subscriber.channels.size === 0) return;
        const names = [...subscriber.channels];
        subscriber.channels.clear();
        await subscriber.client.unsubscribe(...names);
      }),
    );
  }

  listenOwn(): Promise<void> {
    if (this.listeningToOwn) return RESOLVED;
    // Python publishes a direct send on the shard of the full channel name, so every host is listened to.
    return Promise.all(this.shards.map((shard) => this.psubscribe(shard.index, this.ownPattern))).then(() => {
      this.listeningToOwn = true;
    });
  }

  listeningOwn(): boolean {
    return this.listeningToOwn;
  }

  unlistenOwn(): Promise<void> {
    return RESOLVED; // the pattern covers every own channel, discarded or not
  }

  close(): void {
    for (const shard of this.shards) shard.close();
  }

  private shardOf(name: string): number {
    return consistentHash(name, this.shards.length);
  }

  private subscriber(index: number): Subscriber {
    let subscriber = this.subscribers[index];
    if (subscriber === undefined) {
      // The transport resubscribes itself after a reconnect, so that `up` means "listening again".
      const client = (this.shards[index] as RedisShard).open(
        { autoResubscribe: false, maxRetriesPerRequest: null },
        true,
      );
      const { listener } = this.context;
      client.on("messageBuffer", (channel: Buffer, data: Buffer) => listener.message(channel.toString(), data));
      client.on("pmessageBuffer", (_pattern: Buffer, channel: Buffer, data: Buffer) =>
        listener.message(channel.toString(), data),
      );
      subscriber = { client, channels: new Set(), patterns: new Set(), pending: new Map() };
      this.subscribers[index] = subscriber;
    }
    return subscriber;
  }

  private async psubscribe(index: number, pattern: string): Promise<void> {
    const subscriber = this.subscriber(index);
    const key = `pattern ${pattern}`;
    if (subscriber.patterns.has(pattern)) {
      // As in subscribe(): a newChannel() made while the first one's PSUBSCRIBE is unanswered waits for it.
      await subscriber.pending.get(key);
      return;
    }
    subscriber.patterns.add(pattern);
    const subscribing = subscriber.client.psubscribe(pattern).then(
      () => undefined,
      (error: unknown) => {
        subscriber.patterns.delete(pattern);
        throw error;
      },
    );
    subscriber.pending.set(key, subscribing);
    try {
      await subscribing;
    } finally {
      if (subscriber.pending.get(key) === subscribing) subscriber.pending.delete(key);
    }
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
}

const RESOLVED: Promise<void> = Promise.resolve();
