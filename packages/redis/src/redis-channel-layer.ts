import { randomUUID } from "node:crypto";
import { ChannelFull, ChannelReceiveAborted, type ChannelLayer, type Message } from "@channels-ts/core";
import {
  type ChannelCapacities,
  resolveLayerOptions,
  validateChannelName,
  validateChannelPrefix,
  validateGroupName,
  validateMessage,
} from "@channels-ts/core/layer-kit";
import { scoreNow } from "./clock";
import { consistentHash } from "./consistent-hash";
import { MultiFernet } from "./fernet";
import { DROP_REASONS, type DropReason } from "./drop-counter";
import { CONNECTION_OPTIONS, rejectUnknownOptions } from "./known-options";
import { MembershipRefresher } from "./membership-refresher";
import { checkNumber, checkPrefix, REDIS_LAYER_DEFAULTS, type RedisChannelLayerOptions } from "./options";
import { ANY_HOST, asError, noop, RedisLayerBase } from "./redis-layer-base";
import { ReceiveLoop } from "./receive-loop";
import { withScripts, type LayerClient } from "./scripted-client";
import { MessageSerializer } from "./serializer";
import { afterRestore, connectShards, firstUnavailable, openShards, type RedisShard } from "./shard";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import { ASGI_CHANNEL_KEY, parseWireMessage } from "./wire-message";
import { GROUP_SEND_CAPPED, READER_KEY_SUFFIX, readerTtlMs } from "./lua-scripts";

const KNOWN_OPTIONS = [
  ...CONNECTION_OPTIONS,
  "expiry",
  "groupExpiry",
  "capacity",
  "channelCapacity",
  "symmetricEncryptionKeys",
  "membershipRefreshSeconds",
  "blockSeconds",
  "pipelineGroupSends",
];

/**
 * A channel layer on Redis sorted sets, in channels_redis 4.x's exact layout, so Django and
 * channels-ts consumers share channels and groups on one Redis and one prefix. The README's
 * "Wire compatibility" section gives the format and what differs (receive-side expiry, direct
 * sends sharded on the channel's queue, memberships refreshed while alive).
 */
export class RedisChannelLayer extends RedisLayerBase<DropReason> implements ChannelLayer {
  readonly extensions = ["groups", "flush"] as const;
  /** 32 hex digits naming this layer's queue: its channels are `specific.<clientPrefix>!<id>`. */
  readonly clientPrefix = randomUUID().replace(/-/g, "");
  readonly prefix: string;
  readonly expiry: number;
  readonly groupExpiry: number;
  readonly capacity: number;

  private readonly shards: RedisShard[];
  private readonly clients: LayerClient[];
  private readonly serializer: MessageSerializer;
  private readonly capacities: ChannelCapacities;
  private readonly uniformCapacity: boolean;
  private readonly refresher: MembershipRefresher;
  private readonly blockSeconds: number;
  /** Receive loops by `<shard>:<key>`. */
  private readonly loops = new Map<string, ReceiveLoop>();
  /** The loops on this process's own queues (one per host; one queue per newChannel() prefix), checked on every wait. */
  private readonly ownLoops = new Map<string, ReceiveLoop[]>();
  private readonly expirySeconds: string;
  private roundRobin = 0;
  private readonly pipelineGroupSends: boolean;
  /** The queue of `newChannel()`'s default channels, known without building the name per wait. */
  private readonly defaultNonLocal = `specific.${this.clientPrefix}!`;
  private readonly defaultKey: string;

  constructor(options: RedisChannelLayerOptions = {}) {
    rejectUnknownOptions("RedisChannelLayer", options, KNOWN_OPTIONS);
    const o = { ...REDIS_LAYER_DEFAULTS, ...stripUndefined(options) };
    const resolved = resolveLayerOptions(o);
    const idleMs = Math.max(1000, o.expiry * 1000);
    super({
      layerName: "RedisChannelLayer",
      logger: o.logger ?? console,
      warnIntervalMs: o.warnIntervalMs,
      dropReasons: DROP_REASONS,
      capacityOf: (channel) => resolved.capacities.get(channel),
      mailboxIdleMs: idleMs,
      sweepIntervalMs: idleMs,
      trackLiveChannels: true,
    });
    checkPrefix(o.prefix);
    checkNumber("blockSeconds", o.blockSeconds, 0.01);
    checkNumber("operationTimeoutMs", o.operationTimeoutMs, 1);
    if (typeof o.symmetricEncryptionKeys === "string") {
      throw new TypeError("symmetricEncryptionKeys must be a list of keys, even for one: use [key].");
    }
    this.prefix = o.prefix;
    this.defaultKey = o.prefix + this.defaultNonLocal;
    this.expiry = o.expiry;
    this.groupExpiry = o.groupExpiry;
    this.capacity = o.capacity;
    this.blockSeconds = o.blockSeconds;
    this.pipelineGroupSends = o.pipelineGroupSends !== false;
    this.expirySeconds = String(Math.max(1, Math.ceil(o.expiry)));
    this.capacities = resolved.capacities;
    this.uniformCapacity = (o.channelCapacity?.length ?? 0) === 0;
    const keys = o.symmetricEncryptionKeys;
    this.serializer = new MessageSerializer({
      crypter: keys !== undefined && keys.length > 0 ? MultiFernet.fromPassphrases(keys) : undefined,
      ttlSeconds: o.expiry + 10,
    });
    this.shards = openShards(o, {
      down: (event) => this.emit("down", event),
      up: (event) => this.emit("up", event),
      restoreShard: (index) => this.restoreMemberships(index),
      failShard: (index, error) => this.pending.rejectFor(index, error),
      restoreFailed: (_index, error) => this.reportBackgroundError({ source: "restore", error }),
    });
    this.clients = this.shards.map((shard) => withScripts(shard.client));
    const refreshSeconds = o.membershipRefreshSeconds ?? o.groupExpiry / 4;
    this.refresher = new MembershipRefresher(
      Math.min(refreshSeconds * 1000, 2 ** 31 - 1),
      () => this.refreshLiveMemberships(),
      (error) => this.reportBackgroundError({ source: "membership refresh", error: asError(error) }),
    );
  }

  /**
   * Connects to every host now instead of at the first operation, so that a wrong URL or a Redis
   * that is not running shows at startup. Resolves once every host is up; rejects with
   * `RedisHostUnavailable` naming the first host that cannot be reached. Either way the layer
   * keeps reconnecting, emits `up` once the host is back, and works from then on.
   */
  async connect(): Promise<void> {
    this.assertOpen("connect");
    await connectShards(this.shards);
  }

  /**
   * The error operations fail with right now, because a host has not been reached since the
   * layer started or has been down for longer than `operationTimeoutMs`; undefined otherwise.
   * An application can refuse new clients promptly while it is set.
   */
  get unavailable(): RedisHostUnavailable | undefined {
    return firstUnavailable(this.shards);
  }

  /** Deliveries this layer did not make since it started, by reason (each also a `dropped` event). */
  get droppedCounts(): Record<DropReason, number> {
    return this.drops.counts();
  }

  async newChannel(prefix = "specific"): Promise<string> {
    this.assertOpen("newChannel");
    validateChannelPrefix(prefix, 1 + 32 + 1 + 32);
    return `${prefix}.${this.clientPrefix}!${randomUUID().replace(/-/g, "")}`;
  }

  async send(channel: string, message: Message): Promise<void> {
    this.assertOpen("send");
    validateChannelName(channel);
    validateMessage(message);
    rejectReservedKey(message);
    const bang = channel.indexOf("!");
    if (bang !== -1 && this.isOwn(channel, bang)) {
      // This process drains its queue into local mailboxes as fast as it can: a consumer that
      // stopped reading fills its mailbox, not the Redis queue, and that is where it is full.
      const capacity = this.capacities.get(channel);
      if (this.local.queued(channel) >= capacity) return Promise.reject(new ChannelFull(channel, capacity));
    }
    const nonLocal = bang === -1 ? channel : channel.slice(0, bang + 1);
    // Python hashes the full name here and loses the message on several hosts; the queue's
    // own shard is where its receiver listens.
    const shard = this.shardIndexFor(bang === -1 ? undefined : nonLocal);
    return this.guard("send", this.sendNow(channel, message, bang, nonLocal, shard), shard);
  }

  private async sendNow(
    channel: string,
    message: Message,
    bang: number,
    nonLocal: string,
    shard: number,
  ): Promise<void> {
    await afterRestore(this.shards);
    const body = bang === -1 ? message : { ...message, [ASGI_CHANNEL_KEY]: channel };
    const client = this.clients[shard] as LayerClient;
    const now = scoreNow();
    const capacity = this.capacities.get(channel);
    const member = this.serializer.serialize(body);
    // Per-channel capacity needs readable `__asgi_channel__` bytes; encrypted queues count per queue, as Python.
    const counted = bang === -1 || this.serializer.encrypted ? "" : channel;
    const key = this.prefix + nonLocal;
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
    if (expired > 0) this.reportDrop("expired", { channel: key }, expired);
    if (full === 1) throw new ChannelFull(channel, capacity);
  }

  protected admit(channel: string, known: boolean): void {
    // A mailbox may also hold a name a foreign writer put in our queue: ownership is checked anyway.
    if (known) {
      const bang = channel.indexOf("!");
      if (bang === -1 || this.isOwn(channel, bang)) return;
    }
    this.checkReceivable(channel);
  }

  protected listen(channel: string): void {
    this.startLoops(channel, channel.indexOf("!"));
  }

  protected unavailableFor(shard: number): Error | undefined {
    for (const candidate of this.shards) {
      const unavailable = candidate.unavailable;
      if (unavailable !== undefined && (shard === ANY_HOST || shard === candidate.index)) return unavailable;
    }
    return undefined;
  }

  protected shutdown(): void {
    this.refresher.stop();
    for (const loop of this.loops.values()) loop.stop();
    this.loops.clear();
    for (const shard of this.shards) shard.close();
  }

  /** Validates `channel` for a receive here and returns the index of its `!` (-1 for a normal channel). */
  private checkReceivable(channel: string): number {
    validateChannelName(channel);
    const bang = channel.indexOf("!");
    if (bang !== -1 && !this.isOwn(channel, bang)) {
      // Its queue is another layer's: popping it here would take every message of that process.
      throw new TypeError(
        `receive(${JSON.stringify(channel)}): the channel belongs to another layer instance (this one's channels contain ` +
          `${JSON.stringify(this.clientPrefix + "!")}); receive on it with the layer whose newChannel() made it.`,
      );
    }
    return bang;
  }

  private isOwn(channel: string, bang: number): boolean {
    return channel.startsWith(this.clientPrefix, bang - this.clientPrefix.length);
  }

  async groupAdd(group: string, channel: string): Promise<void> {
    this.assertOpen("groupAdd");
    validateGroupName(group);
    validateChannelName(channel);
    const score = scoreNow();
    const key = this.groupKey(group);
    const write = this.groupClient(group)
      .multi()
      .zadd(key, String(score), channel)
      .expire(key, Math.max(1, Math.ceil(this.groupExpiry)))
      .exec();
    await this.guard("groupAdd", write, this.shardFor(group));
    this.memberships.add(group, channel, score);
    this.refresher.start();
  }

  async groupDiscard(group: string, channel: string): Promise<void> {
    this.assertOpen("groupDiscard");
    validateGroupName(group);
    validateChannelName(channel);
    this.memberships.remove(group, channel);
    await this.guard("groupDiscard", this.groupClient(group).zrem(this.groupKey(group), channel), this.shardFor(group));
  }

  async groupSend(group: string, message: Message): Promise<void> {
    this.assertOpen("groupSend");
    validateGroupName(group);
    validateMessage(message);
    rejectReservedKey(message);
    const sent = this.guard("groupSend", this.groupSendNow(group, message));
    // While a host is connecting, reconnecting or down, the caller waits (and sees the failure):
    // only a send already on a live connection is pipelined.
    if (!this.pipelineGroupSends || !this.allSettled()) return sent;
    // Order is kept by the connection; what fails from here on is reported, not thrown.
    sent.catch((error: unknown) => {
      if (this.closed) return;
      this.reportBackgroundError({ source: "group send", error: asError(error) });
      this.reportDrop("layer down", { group }, 1);
    });
  }

  private allSettled(): boolean {
    for (const shard of this.shards) if (!shard.settled) return false;
    return true;
  }

  private async groupSendNow(group: string, message: Message): Promise<void> {
    await afterRestore(this.shards);
    const now = scoreNow();
    if (this.shards.length === 1 && !this.serializer.encrypted && this.uniformCapacity) {
      await this.groupSendInOneCall(group, message, now);
    } else {
      await this.groupSendSharded(group, message, now);
    }
  }

  async discardChannel(channel: string): Promise<void> {
    this.recentlyReceived?.delete(channel);
    this.local.discard(channel, new ChannelReceiveAborted(channel, "discarded"));
    const groups = this.memberships.removeChannel(channel);
    if (this.closed || groups.length === 0) return;
    const removals = Promise.all(groups.map((group) => this.groupClient(group).zrem(this.groupKey(group), channel)));
    await this.guard("discardChannel", removals);
  }

  async flush(): Promise<void> {
    this.assertOpen("flush");
    this.memberships.clear();
    this.local.clearQueues();
    await this.guard("flush", Promise.all(this.clients.map((client) => client.layerDeletePrefix(this.prefix + "*"))));
  }

  /** One script call does Python's whole group send (single host, no encryption, one capacity). */
  private async groupSendInOneCall(group: string, message: Message, now: number): Promise<void> {
    const head = this.serializer.pack({ ...message, [ASGI_CHANNEL_KEY]: null });
    // The map ends with the key and a nil (0xc0) placeholder; the script appends the real list.
    const headBytes = Buffer.from(head.subarray(0, head.length - 1));
    const prefixBytes = this.serializer.frame(new Uint8Array(0));
    const [, over, expired] = await (this.clients[0] as LayerClient).layerGroupSendAll(
      this.groupKey(group),
      this.prefix,
      prefixBytes,
      headBytes,
      String(now),
      String(now - this.groupExpiry),
      String(now - this.expiry),
      this.capacity,
      this.expirySeconds,
    );
    // Full members are skipped, as in Python, but not silently (Python logs them at INFO).
    if (over > 0) this.reportDrop("channel full", { group }, over);
    if (expired > 0) this.reportDrop("expired", { group }, expired);
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
          this.capacities.get((buckets.get(k) as { names: string[] }).names[0] as string),
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
    if (over > 0) this.reportDrop("channel full", { group }, over);
    if (expired > 0) this.reportDrop("expired", { group }, expired);
  }

  private startLoops(channel: string, bang: number): void {
    const normal = bang === -1;
    const key =
      bang === this.defaultNonLocal.length - 1 && channel.startsWith(this.defaultNonLocal)
        ? this.defaultKey
        : this.prefix + (normal ? channel : channel.slice(0, bang + 1));
    const own = !normal;
    if (own && this.ownLoopsRunning(key)) return;
    this.ensureSweep();
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
            ? () => !this.closed && this.local.totalWaiting > 0
            : () => !this.closed && this.local.waiting(channel) > 0,
          keepConnection: own,
          idleMs: NORMAL_CONNECTION_IDLE_MS,
          // A normal channel's waiters, all served from this one queue (other workers may pop it too).
          wanted: () => this.local.waiting(channel),
          // Only this process reads its own queue: take what is there, a batch per round trip.
          batch: own ? OWN_QUEUE_BATCH : undefined,
          readerKey: own ? key + READER_KEY_SUFFIX : undefined,
          onPayload: (member, score, rawScore) =>
            this.onPayload(index, key, normal ? channel : undefined, member, score, rawScore),
          onError: (error) => this.reportBackgroundError({ source: "receive loop", key, error }),
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
    if (score < Date.now() / 1000 - this.expiry) {
      // Older than expiry: Python's queue cleanup would have dropped it.
      this.reportDrop("expired", { channel: normalChannel ?? key }, 1);
      return;
    }
    if (normalChannel !== undefined && this.local.waiting(normalChannel) === 0) {
      // The receive that asked for it was aborted while the pop was in flight: another worker may
      // want it, so it goes back in the queue, where it was, rather than into a mailbox nobody reads.
      (this.clients[shard] as LayerClient)
        .zadd(key, rawScore, member)
        .catch(() => this.reportDrop("layer down", { channel: normalChannel }, 1)); // lost, as Python loses a pop in flight
      return;
    }
    let parsed;
    try {
      parsed = parseWireMessage(this.serializer.deserialize(member));
    } catch (error) {
      this.reportMalformed("Redis key", key, error);
      return;
    }
    const targets = parsed.channels ?? normalChannel;
    if (targets === undefined) {
      this.reportMalformed("Redis key", key, new Error(`a message on a specific queue has no ${ASGI_CHANNEL_KEY}`));
      return;
    }
    if (typeof targets === "string") this.local.deliver(targets, parsed.message);
    else for (const target of targets) this.local.deliver(target, parsed.message);
  }

  /** Re-add, with a fresh score, the memberships of channels whose consumers are still receiving. */
  private async refreshLiveMemberships(): Promise<void> {
    const recent = this.recentlyReceived as Set<string>;
    const live = (channel: string) => recent.has(channel) || this.local.waiting(channel) > 0;
    const score = scoreNow();
    const writes: Array<Promise<unknown>> = [];
    for (const [group, members] of this.memberships.groups()) {
      const fresh: string[] = [];
      for (const [channel] of members) {
        if (!live(channel)) continue;
        members.set(channel, score);
        fresh.push(String(score), channel);
      }
      if (fresh.length > 0) writes.push(this.writeMembers(group, fresh));
    }
    recent.clear();
    await Promise.all(writes);
  }

  /** After a reconnect: put back every membership still within `groupExpiry`, at its own score. */
  private async restoreMemberships(shard: number): Promise<void> {
    const oldest = scoreNow() - this.groupExpiry;
    const writes: Array<Promise<unknown>> = [];
    for (const [group, members] of this.memberships.groups()) {
      if (this.shardFor(group) !== shard) continue;
      const entries: string[] = [];
      for (const [channel, score] of members) if (score > oldest) entries.push(String(score), channel);
      if (entries.length > 0) writes.push(this.writeMembers(group, entries));
    }
    await Promise.all(writes);
  }

  private writeMembers(group: string, scoreChannelPairs: string[]): Promise<unknown> {
    const key = this.groupKey(group);
    return this.groupClient(group)
      .multi()
      .zadd(key, ...scoreChannelPairs)
      .expire(key, Math.max(1, Math.ceil(this.groupExpiry)))
      .exec();
  }

  private groupKey(group: string): string {
    return `${this.prefix}:group:${group}`;
  }

  private groupClient(group: string): LayerClient {
    return this.clients[this.shardFor(group)] as LayerClient;
  }

  private shardFor(value: string): number {
    return consistentHash(value, this.shards.length);
  }

  /** The host of a queue: by its non-local name, or round-robin for normal channels (as Python). */
  private shardIndexFor(nonLocal: string | undefined): number {
    if (nonLocal !== undefined) return this.shardFor(nonLocal);
    this.roundRobin = (this.roundRobin + 1) % this.clients.length;
    return this.roundRobin;
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

function rejectReservedKey(message: Message): void {
  if (ASGI_CHANNEL_KEY in message) {
    throw new TypeError(`Message key ${JSON.stringify(ASGI_CHANNEL_KEY)} is reserved for the Redis layer; rename it.`);
  }
}

/**
 * Most messages one round trip takes off this process's queue. Larger batches cost fewer round
 * trips; this one bounds how long one batch holds the event loop (each message may name hundreds
 * of local channels).
 */
const OWN_QUEUE_BATCH = 256;

/** How long a normal channel's blocking connection outlives its last receive (workers receive again soon). */
const NORMAL_CONNECTION_IDLE_MS = 5000;

function stripUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}
