import type { Message } from "@channels-ts/core";
import type { DropReason, DropSite } from "@channels-ts/core";
import type { HostDownEvent, HostEvent, HostRestartedEvent } from "./host-status";
import type { BackgroundErrorEvent } from "./layer-events";
import type { MultiFernet } from "./fernet";
import type { RedisHostUnavailable } from "./redis-host-unavailable";

/**
 * The seam between `RedisChannelLayer` and the store its queues and groups live in. The layer
 * keeps names and their validation, which channels are its own, local mailboxes and capacity
 * there, group memberships (refreshed while alive, put back after a host lost them), drop and
 * error reporting, and close; the transport keeps the wire format and where data lives: queues
 * with capacity and expiry, groups, popping queues into the layer while it has receivers.
 *
 * Built-in: channels_redis 4.x's layout on ioredis + Lua (`RedisQueueTransport`). A test uses
 * the in-process `FakeQueueStore` (src/testing).
 *
 * Hosts: a transport may spread data over several hosts, numbered from 0 (`hostCount`). The
 * layer names the host an operation needs when it guards it, so that an outage of one host fails
 * only what waits on that one.
 */
export interface QueueTransport {
  readonly hostCount: number;
  /** The host a send to `channel` goes to: its queue's (specific channel) or the next in turn (normal channel). */
  hostForSend(channel: string, bang: number): number;
  /** The host where `group`'s members are kept. */
  hostOfGroup(group: string): number;
  /**
   * Queue `message` for `channel` (`bang`: the index of its `!`, -1 for a normal channel) on
   * `host`, unless the channel holds `capacity(channel)` already: resolves true when full
   * (nothing written). Messages found expired there are reported to `listener.dropped`. Waits
   * while any host reconnects (see `settled`).
   */
  send(host: number, channel: string, bang: number, message: Message): Promise<boolean>;
  /** Queue `message` once for every member of `group`, skipping full members and reporting them (and expired messages) as dropped. */
  groupSend(group: string, message: Message): Promise<void>;
  /**
   * True when `groupSend` writes one command, in order with this transport's later commands,
   * as soon as it is called on a settled transport: only then may the layer resolve it before
   * the reply (a send that first reads the members would let later sends overtake it).
   */
  readonly groupSendIsOneCommand: boolean;
  /** Make `channel` a member of `group` with `score` (seconds), refreshing the group's expiry. */
  groupAdd(group: string, channel: string, score: number): Promise<void>;
  groupDiscard(group: string, channel: string): Promise<void>;
  /** Write several memberships of `group` at their scores (a refresh, or a restore after a host lost them). */
  writeMembers(group: string, members: ReadonlyArray<readonly [channel: string, score: number]>): Promise<void>;
  /** Delete every queue and group under the layer's prefix. */
  flush(): Promise<void>;
  /**
   * A receive waits on `channel`: pop its queue into `listener.deliver` while `listener.waiting`
   * (a normal channel) or `listener.totalWaiting` (this process's own queue) is above 0.
   * Idempotent and cheap when the queue is popped already: it runs for every wait.
   */
  listen(channel: string, bang: number): void;
  /** True unless a host is connecting, or reconnecting until `listener.restore` settled. */
  readonly settled: boolean;
  /** The error operations needing `host` (or any, for -1) fail with at once, while one is unavailable. */
  unavailableOn(host: number): RedisHostUnavailable | undefined;
  /** Connect now: resolves once every host is up, rejects with `RedisHostUnavailable` naming one that cannot be reached. */
  connect(): Promise<void>;
  /** Stop popping and end every connection; nothing is called on the listener afterwards. */
  close(): void;
  /** One round trip to every host (a PING each), for the layer's `ping()`; optional. */
  ping?(): Promise<unknown>;
}

/** What a queue transport tells its layer. */
export interface QueueTransportListener {
  /** Pending receives on `channel` here. */
  waiting(channel: string): number;
  /** Pending receives on every channel here. */
  totalWaiting(): number;
  /** `message` was taken off a queue for `channel`. */
  deliver(channel: string, message: Message): void;
  dropped(reason: DropReason, site: DropSite, count: number): void;
  /** Data in `queue` that no channels_redis peer writes (dropped). */
  malformed(queue: string, error: unknown): void;
  /** Work the transport does on its own failed (a receive loop); it retries. */
  backgroundError(event: BackgroundErrorEvent): void;
  down(event: HostDownEvent): void;
  up(event: HostEvent): void;
  /** `host` came back as another Redis process: it restarted, and lost what it held. Before `restore`. */
  restarted(event: HostRestartedEvent): void;
  /** `host` came back (maybe empty): put back what the layer keeps there. `up` follows once it settled. */
  restore(host: number): Promise<void>;
  /** `host` has been down for `operationTimeoutMs`: what waits on it fails with `error`. */
  unavailable(host: number, error: RedisHostUnavailable): void;
}

/** What the layer gives the factory of its transport. */
export interface QueueTransportContext {
  prefix: string;
  /** 32 hex digits in each of this process's channel names (`specific.<clientPrefix>!<id>`). */
  clientPrefix: string;
  /** Seconds, as the layer's options. */
  expiry: number;
  groupExpiry: number;
  capacityOf(channel: string): number;
  /** True when every channel has the layer's default `capacity`. */
  uniformCapacity: boolean;
  capacity: number;
  crypter: MultiFernet | undefined;
  listener: QueueTransportListener;
}

export type QueueTransportFactory = (context: QueueTransportContext) => QueueTransport;
