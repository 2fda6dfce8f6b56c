import type { Message } from "@channels-ts/core";
import { scoreNow } from "./clock";
import { consistentHash } from "./consistent-hash";
import { GROUP_SEND_CAPPED, READER_KEY_SUFFIX, readerTtlMs } from "./lua-scripts";
import type { RedisConnectionOptions } from "./options";
import type { QueueTransport, QueueTransportContext, QueueTransportListener } from "./queue-transport";
import { ReceiveLoop } from "./receive-loop";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import { withScripts, type LayerClient } from "./scripted-client";
import { MessageSerializer } from "./serializer";
import { afterRestore, anyRestoring, connectShards, openShards, type RedisShard } from "./shard";
import { QueuedMessageReader } from "./queued-message-reader";
import { GroupSendBatch, type BatchedGroupSend } from "./group-send-batch";
import { corkForTick } from "./tick-cork";
import { ASGI_CHANNEL_KEY } from "./wire-message";

type TransportOptions = Required<
  Pick<RedisConnectionOptions, "reconnectMinDelayMs" | "reconnectMaxDelayMs" | "operationTimeoutMs">
> &
  Pick<RedisConnectionOptions, "hosts"> & {
    /** Seconds one BZPOPMIN on this process's queue blocks (Python's `brpop_timeout`). */
    blockSeconds: number;
  };

/**
 * The queue layer's transport: channels_redis 4.x's layout on ioredis, one shard per host as
 * Python shards (a queue on `consistentHash(non-local name)`, a group on `consistentHash(group)`,
 * normal channels round-robin), with the layer's Lua scripts (lua-scripts.ts) and one receive
 * loop per popped queue and host (receive-loop.ts). The README's "Wire compatibility" section
 * gives the format and what differs from Python.
 */
export class RedisQueueTransport implements QueueTransport {
  readonly hostCount: number;
  private readonly shards: RedisShard[];
  private readonly clients: LayerClient[];
  private readonly serializer: MessageSerializer;
  private readonly reader: QueuedMessageReader;
  private readonly listener: QueueTransportListener;
  private readonly prefix: string;
  private readonly expiry: number;
  private readonly groupExpiry: number;
  private readonly expirySeconds: string;
  private readonly blockSeconds: number;
  /** Receive loops by `<shard>:<key>`. */
  private readonly loops = new Map<string, ReceiveLoop>();
  /** The loops on this process's own queues (one per host; one queue per newChannel() prefix), checked on every wait. */
  private readonly ownLoops = new Map<string, ReceiveLoop[]>();
  /** The queue of `newChannel()`'s default channels, known without building the name per wait. */
  private readonly defaultNonLocal: string;
  private readonly defaultKey: string;
  /** The tick's one-call group sends (one host only), flushed before any other command on it. */
  private readonly groupSends = new GroupSendBatch((sends) => this.issueGroupSends(sends));
  private roundRobin = 0;
  private closed = false;

  constructor(
    options: TransportOptions,
    private readonly context: QueueTransportContext,
  ) {
    const listener = context.listener;
    this.listener = listener;
    this.prefix = context.prefix;
    this.expiry = context.expiry;
    this.groupExpiry = context.groupExpiry;
    this.expirySeconds = String(Math.max(1, Math.ceil(context.expiry)));
    this.blockSeconds = options.blockSeconds;
    this.defaultNonLocal = `specific.${context.clientPrefix}!`;
    this.defaultKey = context.prefix + this.defaultNonLocal;
    this.serializer = new MessageSerializer({ crypter: context.crypter, ttlSeconds: context.expiry + 10 });
    this.reader = new QueuedMessageReader(this.serializer);
    this.shards = openShards(options, {
      down: (event) => listener.down(event),
      up: (event) => listener.up(event),
      restoreShard: (index) => listener.restore(index),
      failShard: (index, error) => listener.unavailable(index, error as RedisHostUnavailable),
      restoreFailed: (_index, error) => listener.backgroundError({ source: "restore", error }),
      restarted: (event) => listener.restarted(event),
    });
    this.hostCount = this.shards.length;
    this.clients = this.shards.map((shard) => withScripts(shard.client));
  }

  get settled(): boolean {
    for (const shard of this.shards) if (!shard.settled) return false;
    return true;
  }

  unavailableOn(host: number): RedisHostUnavailable | undefined {
    for (const shard of this.shards) {
      const unavailable = shard.unavailable;
      if (unavailable !== undefined && (host === -1 || host === shard.index)) return unavailable;
    }
    return undefined;
  }

  ping(): Promise<unknown> {
    return Promise.all(this.shards.map((shard) => shard.client.ping()));
  }

  connect(): Promise<void> {
    return connectShards(this.shards);
  }

  close(): void {
    this.closed = true;
    this.groupSends.flush();
    for (const loop of this.loops.values()) loop.stop();
    this.loops.clear();
    for (const shard of this.shards) shard.close();
  }

  hostForSend(channel: string, bang: number): number {
    // Python hashes the full name here and loses the message on several hosts; the queue's
    // own shard is where its receiver listens.
    if (bang !== -1) return consistentHash(channel.slice(0, bang + 1), this.shards.length);
    this.roundRobin = (this.roundRobin + 1) % this.clients.length;
    return this.roundRobin;
  }

  hostOfGroup(group: string): number {
    return consistentHash(group, this.shards.length);
  }

  async send(host: number, channel: string, bang: number, message: Message): Promise<boolean> {
    // Awaited only while restoring: otherwise the command is written within this call, so a
    // command the caller issues next (not awaiting this one) cannot overtake it.
    if (anyRestoring(this.shards)) await afterRestore(this.shards);
    const body = bang === -1 ? message : { ...message, [ASGI_CHANNEL_KEY]: channel };
    const client = this.clients[host] as LayerClient;
    const now = scoreNow();
    const capacity = this.context.capacityOf(channel);
    const member = this.serializer.serialize(body);
    // Per-channel capacity needs readable `__asgi_channel__` bytes; encrypted queues count per queue, as Python.
    const counted = bang === -1 || this.serializer.encrypted ? "" : channel;
    const key = this.prefix + (bang === -1 ? channel : channel.slice(0, bang + 1));
    this.groupSends.flush();
    corkForTick(client);
    const [full, expired] = await client.layerSend(
      key,
      String(now - this.expiry),
      capacity,
      String(now),
      member,
      this.expirySeconds,
      counted,
    );
    // Python's queue cleanup drops these without a word; here they are counted.
    if (expired > 0) this.listener.dropped("expired", { channel: key }, expired);
    return full === 1;
  }

  get groupSendIsOneCommand(): boolean {
    return this.shards.length === 1 && !this.serializer.encrypted && this.context.uniformCapacity;
  }

  async groupSend(group: string, message: Message): Promise<void> {
    // As in send(): joining the batch within this call keeps it ahead of a groupDiscard or flush issued next.
    if (anyRestoring(this.shards)) await afterRestore(this.shards);
    const now = scoreNow();
    if (this.groupSendIsOneCommand) {
      await this.groupSendInOneCall(group, message, now);
    } else {
      await this.groupSendSharded(group, message, now);
    }
  }

  async groupAdd(group: string, channel: string, score: number): Promise<void> {
    await this.writeMembers(group, [[channel, score]]);
  }

  async groupDiscard(group: string, channel: string): Promise<void> {
    this.groupSends.flush();
    await this.groupClient(group).zrem(this.groupKey(group), channel);
  }

  async writeMembers(group: string, members: ReadonlyArray<readonly [string, number]>): Promise<void> {
    const key = this.groupKey(group);
    const pairs: string[] = [];
    for (const [channel, score] of members) pairs.push(String(score), channel);
    this.groupSends.flush();
    await this.groupClient(group)
      .multi()
      .zadd(key, ...pairs)
      .expire(key, Math.max(1, Math.ceil(this.groupExpiry)))
      .exec();
  }

  async flush(): Promise<void> {
    this.groupSends.flush();
    await Promise.all(this.clients.map((client) => client.layerDeletePrefix(this.prefix + "*")));
  }

  listen(channel: string, bang: number): void {
    const normal = bang === -1;
    const key =
      bang === this.defaultNonLocal.length - 1 && channel.startsWith(this.defaultNonLocal)
        ? this.defaultKey
        : this.prefix + (normal ? channel : channel.slice(0, bang + 1));
    const own = !normal;
    if (own && this.ownLoopsRunning(key)) return;
    const listener = this.listener;
    // Normal channels are spread round-robin over hosts by every sender, so they are popped on
    // all hosts; so is our own queue, where Python's multi-host direct sends land on the wrong shard.
    for (const shard of this.shards) {
      const index = shard.index;
      const id = `${index}:${key}`;
      let loop = this.loops.get(id);
      if (loop === undefined) {
        loop = new ReceiveLoop({
          shard,
          key,
          blockSeconds: own ? this.blockSeconds : Math.min(this.blockSeconds, 1),
          // Popping only while someone waits leaves the backlog in Redis, where send() sees it and throws ChannelFull.
          keepGoing: own
            ? () => !this.closed && listener.totalWaiting() > 0
            : () => !this.closed && listener.waiting(channel) > 0,
          keepConnection: own,
          idleMs: NORMAL_CONNECTION_IDLE_MS,
          // A normal channel's waiters, all served from this one queue (other workers may pop it too).
          wanted: () => listener.waiting(channel),
          // Only this process reads its own queue: take what is there, a batch per round trip.
          batch: own ? OWN_QUEUE_BATCH : undefined,
          readerKey: own ? key + READER_KEY_SUFFIX : undefined,
          onPayload: (member, score, rawScore) =>
            this.onPayload(index, key, normal ? channel : undefined, member, score, rawScore),
          onError: (error) => listener.backgroundError({ source: "receive loop", key, error }),
        });
        this.loops.set(id, loop);
        if (own) {
          const loops = this.ownLoops.get(key);
          if (loops === undefined) this.ownLoops.set(key, [loop]);
          else loops.push(loop);
        }
      }
      if (own && !loop.active) {
        // Marked at once on the layer's connection, ahead of any send this process makes next: the
        // loop's own connection may still be connecting when a burst of group sends arrives.
        // Group sends issued before stay before: writers treat a read queue differently.
        this.groupSends.flush();
        (this.clients[index] as LayerClient)
          .set(key + READER_KEY_SUFFIX, "1", "PX", readerTtlMs(this.blockSeconds))
          .catch(noop);
      }
      loop.start();
    }
  }

  /** Whether every loop on this own queue runs (the common case: nothing to start). */
  private ownLoopsRunning(key: string): boolean {
    const loops = this.ownLoops.get(key);
    if (loops === undefined || loops.length !== this.shards.length) return false;
    for (const loop of loops) if (!loop.active) return false;
    return true;
  }

  private onPayload(
    shard: number,
    key: string,
    normalChannel: string | undefined,
    member: Buffer,
    score: number,
    rawScore: Buffer,
  ): void {
    const listener = this.listener;
    if (score < Date.now() / 1000 - this.expiry) {
      // Older than expiry: Python's queue cleanup would have dropped it.
      listener.dropped("expired", { channel: normalChannel ?? key }, 1);
      return;
    }
    if (normalChannel !== undefined && listener.waiting(normalChannel) === 0) {
      // The receive that asked for it was aborted while the pop was in flight: another worker may
      // want it, so it goes back in the queue, where it was, rather than into a mailbox nobody reads.
      (this.clients[shard] as LayerClient)
        .zadd(key, rawScore, member)
        .catch(() => listener.dropped("layer down", { channel: normalChannel }, 1)); // lost, as Python loses a pop in flight
      return;
    }
    let parsed;
    try {
      parsed = this.reader.read(member);
    } catch (error) {
      listener.malformed(key, error);
      return;
    }
    const targets = parsed.channels ?? normalChannel;
    if (targets === undefined) {
      listener.malformed(key, new Error(`a message on a specific queue has no ${ASGI_CHANNEL_KEY}`));
      return;
    }
    if (typeof targets === "string") listener.deliver(targets, parsed.message);
    else for (const target of targets) listener.deliver(target, parsed.message);
  }

  /** One script call does Python's whole group send (single host, no encryption, one capacity), for the tick's sends. */
  private async groupSendInOneCall(group: string, message: Message, now: number): Promise<void> {
    const head = this.serializer.pack({ ...message, [ASGI_CHANNEL_KEY]: null });
    const { over, expired } = await this.groupSends.add({
      groupKey: this.groupKey(group),
      group,
      // The map ends with the key and a nil (0xc0) placeholder; the script appends the real list.
      start: this.serializer.frame(head.subarray(0, head.length - 1)),
      score: now,
    });
    // Full members are skipped, as in Python, but not silently (Python logs them at INFO).
    if (over > 0) this.listener.dropped("channel full", { group }, over);
    if (expired > 0) this.listener.dropped("expired", { group }, expired);
  }

  private issueGroupSends(sends: readonly BatchedGroupSend[]): Promise<Array<number | string>> {
    const now = scoreNow();
    const args: Array<string | number | Buffer> = [];
    for (const send of sends) args.push(send.groupKey);
    args.push(
      this.prefix,
      String(now - this.groupExpiry),
      String(now - this.expiry),
      this.context.capacity,
      this.expirySeconds,
    );
    for (const send of sends) args.push(send.start, String(send.score));
    const client = this.clients[0] as LayerClient;
    corkForTick(client);
    return client.layerGroupSendAll(sends.length, ...args);
  }

  /** Python's algorithm: list the members on the group's host, then one script call per target host. */
  private async groupSendSharded(group: string, message: Message, now: number): Promise<void> {
    const key = this.groupKey(group);
    const replies = await this.groupClient(group)
      .multi()
      .zremrangebyscore(key, 0, String(now - this.groupExpiry))
      .zrange(key, 0, -1)
      .exec();
    const members = replies?.[1]?.[1];
    if (!Array.isArray(members) || members.length === 0) return;
    const buckets = new Map<string, { names: string[]; shard: number }>();
    for (const name of members as string[]) {
      const bang = name.indexOf("!");
      const nonLocal = bang === -1 ? name : name.slice(0, bang + 1);
      const channelKey = this.prefix + nonLocal;
      const bucket = buckets.get(channelKey);
      if (bucket === undefined)
        buckets.set(channelKey, { names: [name], shard: consistentHash(nonLocal, this.shards.length) });
      else bucket.names.push(name);
    }
    const byShard = new Map<number, string[]>();
    for (const [channelKey, bucket] of buckets) {
      const keys = byShard.get(bucket.shard);
      if (keys === undefined) byShard.set(bucket.shard, [channelKey]);
      else keys.push(channelKey);
    }
    const cutoff = String(now - this.expiry);
    const skipped = await Promise.all(
      [...byShard].map(([shard, keys]) => {
        const client = this.clients[shard] as LayerClient;
        const payloads = keys.map((k) =>
          this.serializer.serialize({ ...message, [ASGI_CHANNEL_KEY]: (buckets.get(k) as { names: string[] }).names }),
        );
        const capacities = keys.map((k) =>
          this.context.capacityOf((buckets.get(k) as { names: string[] }).names[0] as string),
        );
        const reload = () => client.script("LOAD", GROUP_SEND_CAPPED);
        return execChecked(reload, () => {
          const transaction = client.multi() as unknown as TransactionWithScripts;
          for (const channelKey of keys) transaction.zremrangebyscore(channelKey, 0, cutoff);
          transaction.layerGroupSendCapped(
            keys.length,
            ...keys,
            ...payloads,
            ...capacities,
            String(now),
            this.expirySeconds,
          );
          return transaction.exec();
        });
      }),
    );
    // Python's script counts the queues it skipped (all members of a process on one queue); the
    // ZREMRANGEBYSCOREs before it, the expired messages they removed from member queues.
    let over = 0;
    let expired = 0;
    for (const replies of skipped) {
      if (replies === null) continue;
      replies.forEach(([, value], i) => {
        if (i === replies.length - 1) over += Number(value ?? 0);
        else expired += Number(value ?? 0);
      });
    }
    if (over > 0) this.listener.dropped("channel full", { group }, over);
    if (expired > 0) this.listener.dropped("expired", { group }, expired);
  }

  private groupKey(group: string): string {
    return `${this.prefix}:group:${group}`;
  }

  private groupClient(group: string): LayerClient {
    return this.clients[this.hostOfGroup(group)] as LayerClient;
  }
}

interface TransactionWithScripts {
  zremrangebyscore(key: string, min: number, max: string): unknown;
  layerGroupSendCapped(numberOfKeys: number, ...args: Array<string | number | Buffer>): unknown;
  exec(): Promise<Array<[Error | null, unknown]> | null>;
}

/**
 * Run a MULTI built by `build` and throw the first error inside EXEC (ioredis resolves EXEC with
 * per-command errors). On NOSCRIPT (SCRIPT FLUSH, or a restart: ioredis remembers a script as
 * loaded per connection and so sends only EVALSHA) the script is loaded and the MULTI run once more.
 */
async function execChecked(
  reload: () => Promise<unknown>,
  build: () => Promise<Array<[Error | null, unknown]> | null>,
): Promise<Array<[Error | null, unknown]> | null> {
  for (let attempt = 0; ; attempt++) {
    const replies = await build().catch((error: unknown) => [[asError(error), null] as [Error, null]]);
    const failed = replies?.find(([error]) => error !== null)?.[0];
    if (failed === undefined || failed === null) return replies;
    if (attempt === 0 && failed.message.includes("NOSCRIPT")) {
      await reload();
      continue;
    }
    throw failed;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Most messages one round trip takes off this process's queue. Larger batches cost fewer round
 * trips; this one bounds how long one batch holds the event loop (each message may name hundreds
 * of local channels).
 */
const OWN_QUEUE_BATCH = 256;

/** How long a normal channel's blocking connection outlives its last receive (workers receive again soon). */
const NORMAL_CONNECTION_IDLE_MS = 5000;

function noop(): void {}
