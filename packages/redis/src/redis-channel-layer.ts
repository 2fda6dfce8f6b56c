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
import { MultiFernet } from "./fernet";
import { normalizeHosts } from "./hosts";
import { CONNECTION_OPTIONS, rejectUnknownOptions } from "./known-options";
import { MembershipRefresher } from "./membership-refresher";
import { checkNumber, checkPrefix, REDIS_LAYER_DEFAULTS, type RedisChannelLayerOptions } from "./options";
import type { RedisDropCounts, RedisDropReason } from "./layer-events";
import type { QueueTransport, QueueTransportFactory, QueueTransportListener } from "./queue-transport";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import { ANY_HOST, asError, RedisLayerBase } from "./redis-layer-base";
import { RedisQueueTransport } from "./redis-queue-transport";
import { ASGI_CHANNEL_KEY } from "./wire-message";

/** The reasons `droppedCounts` always names. */
const DROP_REASONS: readonly RedisDropReason[] = ["channel full", "expired", "undecodable", "layer down"];

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
 * sends sharded on the channel's queue, memberships refreshed while alive). Where the data lives
 * is its `QueueTransport` (redis-queue-transport.ts); this class is what is the same on any.
 */
export class RedisChannelLayer extends RedisLayerBase<RedisDropReason> implements ChannelLayer {
  readonly extensions = ["groups", "flush"] as const;
  /** 32 hex digits naming this layer's queue: its channels are `specific.<clientPrefix>!<id>`. */
  readonly clientPrefix = randomUUID().replace(/-/g, "");
  readonly prefix: string;
  readonly expiry: number;
  readonly groupExpiry: number;
  readonly capacity: number;

  private readonly transport: QueueTransport;
  private readonly capacities: ChannelCapacities;
  private readonly refresher: MembershipRefresher;
  private readonly pipelineGroupSends: boolean;

  /**
   * `transport` replaces Redis (the in-process `FakeQueueStore` of src/testing, for tests); it is
   * not part of the supported API, which is `options`.
   */
  constructor(options: RedisChannelLayerOptions = {}, transport?: QueueTransportFactory) {
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
    this.expiry = o.expiry;
    this.groupExpiry = o.groupExpiry;
    this.capacity = o.capacity;
    this.pipelineGroupSends = o.pipelineGroupSends !== false;
    this.capacities = resolved.capacities;
    const keys = o.symmetricEncryptionKeys;
    const listener: QueueTransportListener = {
      waiting: (channel) => this.local.waiting(channel),
      totalWaiting: () => this.local.totalWaiting,
      deliver: (channel, message) => this.local.deliver(channel, message),
      dropped: (reason, site, count) => this.reportDrop(reason, site, count),
      malformed: (queue, error) => this.reportMalformed("Redis key", queue, error),
      backgroundError: (event) => this.reportBackgroundError(event),
      down: (event) => this.hostDown(event),
      up: (event) => this.hostUp(event),
      restarted: (event) => this.reportRestart(event),
      restore: (host) => this.restoreMemberships(host),
      unavailable: (host, error) => this.pending.rejectFor(host, error),
    };
    const context = {
      prefix: o.prefix,
      clientPrefix: this.clientPrefix,
      expiry: o.expiry,
      groupExpiry: o.groupExpiry,
      capacityOf: (channel: string) => resolved.capacities.get(channel),
      uniformCapacity: (o.channelCapacity?.length ?? 0) === 0,
      capacity: o.capacity,
      crypter: keys !== undefined && keys.length > 0 ? MultiFernet.fromPassphrases(keys) : undefined,
      listener,
    };
    this.transport = transport !== undefined ? transport(context) : new RedisQueueTransport(o, context);
    if (transport === undefined) this.presenceHost = { host: normalizeHosts(o.hosts)[0]!, prefix: o.prefix };
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
    await this.transport.connect();
  }

  /**
   * The error operations fail with right now, because a host has not been reached since the
   * layer started or has been down for longer than `operationTimeoutMs`; undefined otherwise.
   * An application can refuse new clients promptly while it is set.
   */
  get unavailable(): RedisHostUnavailable | undefined {
    return this.transport.unavailableOn(ANY_HOST);
  }

  /** One PING to every host, in seconds (for metrics); rejects at once while a host is down. */
  ping(): Promise<number> {
    return this.timedPing(this.transport.ping?.bind(this.transport));
  }

  /** Deliveries this layer did not make since it started, by reason (each also a `dropped` event). */
  get droppedCounts(): RedisDropCounts {
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
      if (this.local.queued(channel) >= capacity) throw new ChannelFull(channel, capacity);
    }
    const host = this.transport.hostForSend(channel, bang);
    const full = await this.guard("send", this.transport.send(host, channel, bang, message), host);
    if (full) throw new ChannelFull(channel, this.capacities.get(channel));
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
    this.ensureSweep();
    this.transport.listen(channel, channel.indexOf("!"));
  }

  protected unavailableFor(host: number): Error | undefined {
    return this.transport.unavailableOn(host);
  }

  protected shutdown(): void {
    this.refresher.stop();
    this.transport.close();
  }

  /** Validates `channel` for a receive here. */
  private checkReceivable(channel: string): void {
    validateChannelName(channel);
    const bang = channel.indexOf("!");
    if (bang !== -1 && !this.isOwn(channel, bang)) {
      // Its queue is another layer's: popping it here would take every message of that process.
      throw new TypeError(
        `receive(${JSON.stringify(channel)}): the channel belongs to another layer instance (this one's channels contain ` +
          `${JSON.stringify(this.clientPrefix + "!")}); receive on it with the layer whose newChannel() made it.`,
      );
    }
  }

  private isOwn(channel: string, bang: number): boolean {
    return channel.startsWith(this.clientPrefix, bang - this.clientPrefix.length);
  }

  async groupAdd(group: string, channel: string): Promise<void> {
    this.assertOpen("groupAdd");
    validateGroupName(group);
    validateChannelName(channel);
    const score = scoreNow();
    const host = this.transport.hostOfGroup(group);
    await this.guard("groupAdd", this.transport.groupAdd(group, channel, score), host);
    this.memberships.add(group, channel, score);
    this.refresher.start();
  }

  async groupDiscard(group: string, channel: string): Promise<void> {
    this.assertOpen("groupDiscard");
    validateGroupName(group);
    validateChannelName(channel);
    this.memberships.remove(group, channel);
    const host = this.transport.hostOfGroup(group);
    await this.guard("groupDiscard", this.transport.groupDiscard(group, channel), host);
  }

  async groupSend(group: string, message: Message): Promise<void> {
    this.assertOpen("groupSend");
    validateGroupName(group);
    validateMessage(message);
    rejectReservedKey(message);
    const sent = this.guard("groupSend", this.transport.groupSend(group, message));
    // While a host is connecting, reconnecting or down, the caller waits (and sees the failure);
    // so does a group send that reads its members before it writes (several hosts, encryption,
    // channelCapacity), which later sends could overtake. Only one command on a live connection
    // is pipelined.
    if (!this.pipelineGroupSends || !this.transport.settled || !this.transport.groupSendIsOneCommand) return sent;
    // Order is kept by the connection; what fails from here on is reported, not thrown.
    sent.catch((error: unknown) => {
      // Closing with the command unanswered counts too: the caller was told it was sent.
      if (!this.closed) this.reportBackgroundError({ source: "group send", error: asError(error) });
      this.reportDrop("layer down", { group }, 1);
    });
  }

  async discardChannel(channel: string): Promise<void> {
    this.recentlyReceived?.delete(channel);
    this.local.discard(channel, new ChannelReceiveAborted(channel, "discarded"));
    const groups = this.memberships.removeChannel(channel);
    if (this.closed || groups.length === 0) return;
    const removals = Promise.all(groups.map((group) => this.transport.groupDiscard(group, channel)));
    await this.guard("discardChannel", removals);
  }

  async flush(): Promise<void> {
    this.assertOpen("flush");
    this.memberships.clear();
    this.local.clearQueues();
    await this.guard("flush", this.transport.flush());
  }

  /** Re-add, with a fresh score, the memberships of channels whose consumers are still receiving. */
  private async refreshLiveMemberships(): Promise<void> {
    const recent = this.recentlyReceived as Set<string>;
    const live = (channel: string) => recent.has(channel) || this.local.waiting(channel) > 0;
    const score = scoreNow();
    const writes: Array<Promise<unknown>> = [];
    for (const [group, members] of this.memberships.groups()) {
      const fresh: Array<[string, number]> = [];
      for (const [channel] of members) {
        if (!live(channel)) continue;
        members.set(channel, score);
        fresh.push([channel, score]);
      }
      if (fresh.length > 0) writes.push(this.transport.writeMembers(group, fresh));
    }
    recent.clear();
    await Promise.all(writes);
  }

  /** After a reconnect: put back every membership still within `groupExpiry`, at its own score. */
  private async restoreMemberships(host: number): Promise<void> {
    const oldest = scoreNow() - this.groupExpiry;
    const writes: Array<Promise<unknown>> = [];
    for (const [group, members] of this.memberships.groups()) {
      if (this.transport.hostOfGroup(group) !== host) continue;
      const entries: Array<[string, number]> = [];
      for (const [channel, score] of members) if (score > oldest) entries.push([channel, score]);
      if (entries.length > 0) writes.push(this.transport.writeMembers(group, entries));
    }
    await Promise.all(writes);
  }
}

function rejectReservedKey(message: Message): void {
  if (ASGI_CHANNEL_KEY in message) {
    throw new TypeError(`Message key ${JSON.stringify(ASGI_CHANNEL_KEY)} is reserved for the Redis layer; rename it.`);
  }
}

function stripUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}
