import { randomFillSync } from "node:crypto";
import { EventEmitter } from "eventemitter3";
import { ChannelFull } from "../errors";
import type { Message } from "../types";
import { DONE } from "../util/done";
import { DEFAULT_DROP_WARN_INTERVAL_MS, DropCounter, type DropLogger } from "../drops/drop-counter";
import type { DropReason, DropSite } from "../drops/drop-reason";
import type { ChannelLayer, ChannelLayerOptions, LayerReceiver, LayerStats, ReceiveOptions } from "./channel-layer";
import { ChannelLayerClosed, ChannelReceiveAborted, InvalidLayerOption } from "./layer-errors";
import { resolveLayerOptions } from "./layer-options";
import type { ChannelCapacities } from "./channel-capacity";
import { MessageQueue } from "./message-queue";
import { validatedFrozenCopy } from "./frozen-copy";
import { validateChannelName, validateChannelPrefix, validateGroupName } from "./validate-names";

const KNOWN_OPTIONS = new Set(["expiry", "groupExpiry", "capacity", "channelCapacity", "logger", "warnIntervalMs"]);

/** The in-memory layer's options: the shared ones, and where its drop warnings go (as the Redis layers). */
export interface InMemoryChannelLayerOptions extends ChannelLayerOptions {
  /** Receives the layer's warnings (drops, at most one line per reason per `warnIntervalMs`). Default `console`. */
  logger?: DropLogger;
  /** At most one drop warning per reason per this many ms (the rest are counted). Default 10000. */
  warnIntervalMs?: number;
}

/** A message the in-memory layer did not deliver (the same shape as the Redis layers' `dropped` event). */
export interface InMemoryDroppedEvent {
  reason: Extract<DropReason, "channel full" | "expired">;
  /** The channel whose messages expired unread. */
  channel?: string;
  /** The group whose send skipped full members. */
  group?: string;
  /** How many at once: the members a group send skipped, the messages that expired together. */
  count: number;
}

/** The in-memory layer's events (eventemitter3): `dropped` for every message it did not deliver. */
export interface InMemoryLayerEvents {
  dropped: (event: InMemoryDroppedEvent) => void;
}

/** The reasons the in-memory layer can drop a message for, which `droppedCounts` always names. */
const DROP_REASONS = ["channel full", "expired"] as const satisfies readonly DropReason[];
const SUFFIX_LENGTH = 12;

/** A receive() waiting on an empty channel. It is its own abort listener: no closure per receive. */
class PendingReceive implements LayerReceiver {
  resolve!: (message: Message) => void;
  reject!: (reason: unknown) => void;
  readonly promise: Promise<Message>;

  constructor(
    readonly channel: ChannelState,
    private readonly signal: AbortSignal | undefined,
    private readonly onAbort: (pending: PendingReceive) => void,
  ) {
    this.promise = new Promise<Message>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    signal?.addEventListener("abort", this, { once: true });
  }

  onLayerMessage(message: Message): void {
    this.signal?.removeEventListener("abort", this);
    this.resolve(message);
  }

  onLayerError(reason: unknown): void {
    this.signal?.removeEventListener("abort", this);
    this.reject(reason);
  }

  handleEvent(): void {
    this.onAbort(this);
    this.reject(this.signal?.reason);
  }
}

/**
 * The queue of every channel that has never had to queue (a consumer that keeps up): only ever
 * read, shifted or cleared while empty, never pushed to.
 */
const NO_QUEUE = new MessageQueue();

/** One channel: its queue, its waiting receivers, and the groups it is in (the reverse index). */
class ChannelState {
  /** The shared empty NO_QUEUE until a message has to wait (deliver() makes its own then). */
  queue: MessageQueue = NO_QUEUE;
  /**
   * Receivers waiting on the empty queue (receive() promises and receiveInto() receivers), in
   * the order they started waiting: a sent message goes straight to the first. One waits at a
   * time in practice, so it is a field, and an array holds only the ones after it.
   */
  private firstWaiter: LayerReceiver | undefined = undefined;
  private laterWaiters: LayerReceiver[] | undefined = undefined;

  get hasWaiters(): boolean {
    return this.firstWaiter !== undefined;
  }

  addWaiter(waiter: LayerReceiver): void {
    if (this.firstWaiter === undefined) this.firstWaiter = waiter;
    else (this.laterWaiters ??= []).push(waiter);
  }

  /** The first waiter, removed; undefined when none waits. */
  takeWaiter(): LayerReceiver | undefined {
    const waiter = this.firstWaiter;
    if (waiter !== undefined) this.firstWaiter = this.laterWaiters?.shift();
    return waiter;
  }

  /** Every waiter, removed first: one that waits again from its callback waits afresh. */
  takeAllWaiters(): LayerReceiver[] {
    const first = this.firstWaiter;
    if (first === undefined) return [];
    const all = [first, ...(this.laterWaiters ?? [])];
    this.firstWaiter = undefined;
    this.laterWaiters = undefined;
    return all;
  }

  removeWaiter(waiter: LayerReceiver): void {
    if (this.firstWaiter === waiter) {
      this.firstWaiter = this.laterWaiters?.shift();
    } else if (this.laterWaiters !== undefined) {
      const index = this.laterWaiters.indexOf(waiter);
      if (index !== -1) this.laterWaiters.splice(index, 1);
    }
  }

  /**
   * The groups it is in (the reverse index). Most channels join one group or none: one group is
   * its name, and a Set is made only for a second one (a Set costs about 100 bytes more).
   */
  private groupNames: string | Set<string> | undefined = undefined;

  addGroup(group: string): void {
    const names = this.groupNames;
    if (names === undefined || names === group) this.groupNames = group;
    else if (typeof names === "string") this.groupNames = new Set([names, group]);
    else names.add(group);
  }

  removeGroup(group: string): void {
    const names = this.groupNames;
    if (names === group) this.groupNames = undefined;
    else if (typeof names === "object") names.delete(group);
  }

  /** Every group it is in, now forgotten. */
  takeGroups(): Iterable<string> {
    const names = this.groupNames;
    this.groupNames = undefined;
    if (names === undefined) return [];
    return typeof names === "string" ? [names] : names;
  }

  get inAnyGroup(): boolean {
    const names = this.groupNames;
    return names !== undefined && (typeof names === "string" || names.size !== 0);
  }

  constructor(
    readonly name: string,
    readonly capacity: number,
  ) {}
}

/** A channel's membership of one group; `deadline` moves on every groupAdd. */
interface Membership {
  readonly channel: ChannelState;
  deadline: number;
}

/**
 * Channels' InMemoryChannelLayer: one process, no network, for development and tests.
 *
 * Messages are delivered by reference: `groupSend` hands the same object to every member and
 * `send` does not copy either, so a received message must be treated as read-only (validation
 * guarantees it holds only plain data). Expiry is lazy: a message's deadline is checked when
 * its channel is used, and every `expiry` seconds (at most) the next operation sweeps the whole
 * layer, so dead channels do not pile up; there is no timer.
 *
 * Unlike Channels' in-memory layer, a message expiring does not remove its channel from its
 * groups: channels_redis does not either, and consumers leave through `discardChannel()`, so
 * every layer behaves alike. `flush()` keeps pending receives waiting (they are listeners, not
 * state); `close()` rejects them. After `close()`, `groupDiscard`, `discardChannel`, `flush` and
 * `close` are no-ops, so consumers that end during shutdown do not fail; anything else rejects
 * with `ChannelLayerClosed`.
 */
export class InMemoryChannelLayer extends EventEmitter<InMemoryLayerEvents> implements ChannelLayer {
  readonly extensions: readonly string[] = Object.freeze(["groups", "flush"]);
  /** Seconds, as configured. */
  readonly expiry: number;
  readonly groupExpiry: number;
  readonly capacity: number;

  private readonly expiryMs: number;
  private readonly groupExpiryMs: number;
  private readonly capacities: ChannelCapacities;
  private channels = new Map<string, ChannelState>();
  private groups = new Map<string, Map<string, Membership>>();
  private nextSweepAt: number;
  private closed = false;
  private readonly drops: DropCounter<(typeof DROP_REASONS)[number]>;
  private readonly onAbort = (pending: PendingReceive): void => {
    pending.channel.removeWaiter(pending);
    this.releaseIfIdle(pending.channel);
  };

  constructor(options: InMemoryChannelLayerOptions = {}) {
    super();
    for (const key of Object.keys(options)) {
      if (!KNOWN_OPTIONS.has(key)) {
        const value = (options as Record<string, unknown>)[key];
        throw new InvalidLayerOption(key, value, `no such option; use ${[...KNOWN_OPTIONS].join(", ")}`);
      }
    }
    const resolved = resolveLayerOptions(options);
    this.expiryMs = resolved.expiryMs;
    this.groupExpiryMs = resolved.groupExpiryMs;
    this.capacities = resolved.capacities;
    this.expiry = this.expiryMs / 1000;
    this.groupExpiry = this.groupExpiryMs / 1000;
    this.capacity = resolved.capacities.defaultCapacity;
    this.nextSweepAt = performance.now() + this.sweepIntervalMs();
    const logger = options.logger ?? console;
    if (typeof logger !== "object" || logger === null || typeof logger.warn !== "function") {
      throw new InvalidLayerOption("logger", logger, "an object with a warn(message) method, e.g. console");
    }
    const warnIntervalMs = options.warnIntervalMs ?? DEFAULT_DROP_WARN_INTERVAL_MS;
    if (typeof warnIntervalMs !== "number" || !Number.isFinite(warnIntervalMs) || warnIntervalMs < 0) {
      throw new InvalidLayerOption("warnIntervalMs", warnIntervalMs, "a number of milliseconds >= 0, e.g. 10000");
    }
    this.drops = new DropCounter("InMemoryChannelLayer", logger, warnIntervalMs, DROP_REASONS, (reason, site, count) =>
      this.emitDropped(reason, site, count),
    );
  }

  /** Deliveries this layer did not make since it started, by reason (each also a `dropped` event). */
  get droppedCounts(): Readonly<Record<(typeof DROP_REASONS)[number], number>> {
    return this.drops.counts();
  }

  // The calls below are not `async`: what completes at once returns the shared DONE (no promise
  // per call, and a consumer handler that returns it is finished at once); a failure still rejects.
  newChannel(prefix = "specific"): Promise<string> {
    try {
      this.assertOpen("newChannel");
      // The default prefix is known to be valid: a consumer's channel costs no regular expression.
      if (prefix !== "specific") validateChannelPrefix(prefix, SUFFIX_LENGTH + ".inmemory".length);
      let name: string;
      do {
        name = `${prefix}.inmemory!${randomSuffix()}`;
      } while (this.channels.has(name));
      return Promise.resolve(name);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  send(channel: string, message: Message): Promise<void> {
    try {
      this.assertOpen("send");
      validateChannelName(channel);
      const copy = validatedFrozenCopy(message);
      const now = performance.now();
      this.sweepIfDue(now);
      const state = this.channelState(channel);
      if (!this.deliver(state, copy, now)) throw new ChannelFull(channel, state.capacity);
      return DONE;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  // Not async: a waiting receiver gets its message without an extra promise hop.
  receive(channel: string, options?: ReceiveOptions): Promise<Message> {
    try {
      this.assertOpen("receive");
      validateChannelName(channel);
      const signal = options?.signal;
      if (signal?.aborted === true) return Promise.reject(signal.reason);
      const now = performance.now();
      this.sweepIfDue(now);
      const state = this.channelState(channel);
      const message = this.takeQueued(state, now);
      if (message !== undefined) return Promise.resolve(message);
      const pending = new PendingReceive(state, signal, this.onAbort);
      state.addWaiter(pending);
      return pending.promise;
    } catch (error) {
      return Promise.reject(error);
    }
  }

  receiveInto(channel: string, receiver: LayerReceiver): void {
    this.assertOpen("receive");
    // A channel with state has a valid name already: a consumer's wait costs no regular expression.
    let state = this.channels.get(channel);
    if (state === undefined) {
      validateChannelName(channel);
      state = this.channelState(channel);
    }
    const message = state.queue.length === 0 ? undefined : this.takeQueued(state, performance.now());
    if (message !== undefined) receiver.onLayerMessage(message);
    else state.addWaiter(receiver);
  }

  receiveNowait(channel: string): Message | undefined {
    this.assertOpen("receive");
    const state = this.channels.get(channel);
    if (state === undefined) {
      validateChannelName(channel);
      return undefined;
    }
    return state.queue.length === 0 ? undefined : this.takeQueued(state, performance.now());
  }

  /** The oldest unexpired message queued on `state`, if any. */
  private takeQueued(state: ChannelState, now: number): Message | undefined {
    this.dropExpired(state, now);
    const message = state.queue.shift();
    if (message !== undefined) this.releaseIfIdle(state);
    return message;
  }

  groupAdd(group: string, channel: string): Promise<void> {
    try {
      this.assertOpen("groupAdd");
      // A group or channel the layer holds was validated when it was made (as in receiveInto and
      // groupSend): a consumer joining its room checks only what is new.
      let members = this.groups.get(group);
      if (members === undefined) validateGroupName(group);
      if (!this.channels.has(channel)) validateChannelName(channel);
      const now = performance.now();
      this.sweepIfDue(now);
      const state = this.channelState(channel);
      members = this.groups.get(group);
      if (members === undefined) {
        members = new Map();
        this.groups.set(group, members);
      }
      const membership = members.get(channel);
      if (membership === undefined) members.set(channel, { channel: state, deadline: now + this.groupExpiryMs });
      else membership.deadline = now + this.groupExpiryMs;
      state.addGroup(group);
      return DONE;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  groupDiscard(group: string, channel: string): Promise<void> {
    try {
      if (this.closed) return DONE;
      validateGroupName(group);
      validateChannelName(channel);
      const state = this.channels.get(channel);
      if (state === undefined) return DONE;
      this.leaveGroup(group, state);
      this.releaseIfIdle(state);
      return DONE;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  groupSend(group: string, message: Message): Promise<void> {
    try {
      this.assertOpen("groupSend");
      // A group in the map was validated when it was joined: only an unknown name costs the check.
      if (!this.groups.has(group)) validateGroupName(group);
      const shared = validatedFrozenCopy(message);
      const now = performance.now();
      this.sweepIfDue(now);
      const members = this.groups.get(group);
      if (members === undefined) return DONE;
      let skipped = 0;
      for (const membership of members.values()) {
        if (membership.deadline <= now) {
          this.leaveGroup(group, membership.channel);
          this.releaseIfIdle(membership.channel);
        } else if (!this.deliver(membership.channel, shared, now)) {
          // A full member is skipped: one slow consumer must not stop the others. Counted, once per send.
          skipped++;
        }
      }
      if (skipped > 0) this.drops.report("channel full", { group }, skipped);
      return DONE;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  discardChannel(channel: string): Promise<void> {
    try {
      if (this.closed) return DONE;
      validateChannelName(channel);
      const state = this.channels.get(channel);
      if (state === undefined) return DONE;
      this.channels.delete(channel);
      this.leaveAllGroups(state);
      state.queue.clear();
      for (const waiter of state.takeAllWaiters()) waiter.onLayerError(new ChannelReceiveAborted(channel, "discarded"));
      return DONE;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  async flush(): Promise<void> {
    if (this.closed) return;
    this.groups.clear();
    for (const state of this.channels.values()) {
      state.queue.clear();
      state.takeGroups();
      this.releaseIfIdle(state);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const channels = this.channels;
    this.drops.flush();
    this.channels = new Map();
    this.groups = new Map();
    for (const state of channels.values()) {
      for (const waiter of state.takeAllWaiters()) waiter.onLayerError(new ChannelReceiveAborted(state.name, "closed"));
    }
  }

  /** Counts for tests and monitoring: live channels, groups, and messages waiting in queues; always up. */
  stats(): LayerStats & { queuedMessages: number } {
    let queuedMessages = 0;
    for (const state of this.channels.values()) queuedMessages += state.queue.length;
    return { channels: this.channels.size, groups: this.groups.size, up: true, queuedMessages };
  }

  /** Hands `message` to a waiting receiver or queues it; false when the channel is full. */
  private deliver(state: ChannelState, message: Message, now: number): boolean {
    const waiter = state.takeWaiter();
    if (waiter !== undefined) {
      try {
        waiter.onLayerMessage(message);
      } catch (error) {
        // A receiver that throws (against the contract) fails alone; the group send goes on.
        waiter.onLayerError(error);
      }
      return true;
    }
    if (state.queue.length >= state.capacity) {
      this.dropExpired(state, now);
      if (state.queue.length >= state.capacity) return false;
    }
    if (state.queue === NO_QUEUE) state.queue = new MessageQueue();
    state.queue.push(message, now + this.expiryMs);
    return true;
  }

  private channelState(name: string): ChannelState {
    let state = this.channels.get(name);
    if (state === undefined) {
      state = new ChannelState(name, this.capacities.get(name));
      this.channels.set(name, state);
    }
    return state;
  }

  private leaveGroup(group: string, state: ChannelState): void {
    const members = this.groups.get(group);
    if (members !== undefined && members.delete(state.name) && members.size === 0) this.groups.delete(group);
    state.removeGroup(group);
  }

  private leaveAllGroups(state: ChannelState): void {
    for (const group of state.takeGroups()) {
      const members = this.groups.get(group);
      if (members !== undefined && members.delete(state.name) && members.size === 0) this.groups.delete(group);
    }
  }

  /** Forgets a channel nobody is using, so the map holds only live channels. */
  private releaseIfIdle(state: ChannelState): void {
    if (state.queue.length === 0 && !state.hasWaiters && !state.inAnyGroup) {
      if (this.channels.get(state.name) === state) this.channels.delete(state.name);
    }
  }

  private sweepIfDue(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + this.sweepIntervalMs();
    for (const [group, members] of this.groups) {
      for (const membership of members.values()) {
        if (membership.deadline <= now) this.leaveGroup(group, membership.channel);
      }
    }
    for (const state of this.channels.values()) {
      this.dropExpired(state, now);
      this.releaseIfIdle(state);
    }
  }

  /** Removes the messages of `state` that expired unread, and counts them. */
  private dropExpired(state: ChannelState, now: number): void {
    const expired = state.queue.dropExpired(now);
    if (expired > 0) this.drops.report("expired", { channel: state.name }, expired);
  }

  private emitDropped(reason: DropReason, site: DropSite, count: number): void {
    if (this.listenerCount("dropped") === 0) return;
    const event = { reason, count } as InMemoryDroppedEvent;
    if (site.group !== undefined) event.group = site.group;
    else if (site.channel !== undefined) event.channel = site.channel;
    this.emit("dropped", event);
  }

  private sweepIntervalMs(): number {
    return Math.min(this.expiryMs, this.groupExpiryMs);
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new ChannelLayerClosed(operation);
  }
}

/** Random bytes drawn in batches: one call to the generator per 455 channel names, not one per name. */
const SUFFIX_BYTES = (SUFFIX_LENGTH * 3) / 4;
const randomPool = Buffer.alloc(SUFFIX_BYTES * 455);
let randomOffset = randomPool.length;

/** `SUFFIX_LENGTH` random base64url characters. */
function randomSuffix(): string {
  if (randomOffset === randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const start = randomOffset;
  randomOffset += SUFFIX_BYTES;
  return randomPool.toString("base64url", start, randomOffset);
}
