import { EventEmitter } from "eventemitter3";
import {
  ChannelLayerClosed,
  DropCounter,
  type DropReason,
  type DropSite,
  type LayerStats,
  ChannelReceiveAborted,
  type LayerReceiver,
  type Message,
  PresenceUnsupported,
  type PresenceStore,
  type ReceiveOptions,
} from "@channels-ts/core";
import { BackgroundErrors } from "./background-errors";
import type { HostDownEvent, HostEvent, HostRestartedEvent } from "./host-status";
import type { BackgroundErrorEvent, DroppedEvent, LayerEvents } from "./layer-events";
import { LocalChannels } from "./local-channels";
import { MalformedCounter, type LayerLogger } from "./malformed-counter";
import { Memberships } from "./memberships";
import { PendingOperations } from "./pending-operations";
import type { RedisHost } from "./hosts";
import { RedisPresenceStore } from "./redis-presence-store";

/** What a layer tells its base once, at construction. */
export interface LayerBaseSettings<R extends DropReason> {
  layerName: string;
  logger: LayerLogger;
  warnIntervalMs: number;
  /** The drop reasons `droppedCounts` always names. */
  dropReasons: readonly R[];
  capacityOf(channel: string): number;
  /** How long a mailbox nobody receives on and nothing reaches is kept (then swept, its messages counted expired). */
  mailboxIdleMs: number;
  /** How often mailboxes are swept. */
  sweepIntervalMs: number;
  /** Remember channels received on between membership refreshes (the queue layer refreshes live members). */
  trackLiveChannels: boolean;
}

/** A guarded operation that only close() settles, never an outage. */
export const CLOSE_ONLY = -2;
/** A guarded operation that any outage settles. */
export const ANY_HOST = -1;

/**
 * What both Redis layers share, around the transport each talks to: the open/closed state and
 * the guard of operations waiting on Redis, the receive side (mailboxes, `receive` with its abort
 * signal, `receiveInto`, `receiveNowait`), local group memberships, and the never-silent
 * reporting of drops, malformed data and background errors (counted, emitted, rate-limited in the
 * log). A layer adds how a channel is checked for receiving here (`admit`), how messages for it
 * start to flow (`listen`), what a lasting outage fails (`unavailableFor`) and what close() stops
 * (`shutdown`).
 */
export abstract class RedisLayerBase<R extends DropReason> extends EventEmitter<LayerEvents> {
  protected closed = false;
  protected readonly pending = new PendingOperations();
  protected readonly local: LocalChannels;
  protected readonly memberships = new Memberships();
  protected readonly drops: DropCounter<R>;
  /** Channels received on since the last membership refresh, when the layer tracks them. */
  protected readonly recentlyReceived: Set<string> | undefined;
  private readonly malformed: MalformedCounter;
  private readonly backgroundErrors: BackgroundErrors;
  private readonly mailboxIdleMs: number;
  private readonly sweepIntervalMs: number;
  private readonly layerName: string;
  private readonly logger: LayerLogger;
  private restarts = 0;
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Hosts (shard numbers) between their `down` and `up` events. */
  private readonly hostsDown = new Set<number>();
  /** Where presence lives (the first host, the layer's prefix); undefined for a transport of one's own or a cluster. */
  protected presenceHost: { host: RedisHost; prefix: string } | undefined = undefined;
  private readonly presenceStores: RedisPresenceStore[] = [];

  protected constructor(settings: LayerBaseSettings<R>) {
    super();
    const { layerName, logger, warnIntervalMs } = settings;
    this.layerName = layerName;
    this.logger = logger;
    this.drops = new DropCounter(layerName, logger, warnIntervalMs, settings.dropReasons, (reason, site, count) =>
      this.emit("dropped", droppedEvent(reason, site, count)),
    );
    this.malformed = new MalformedCounter(layerName, logger, warnIntervalMs);
    this.backgroundErrors = new BackgroundErrors(layerName, logger, warnIntervalMs);
    this.local = new LocalChannels(settings.capacityOf, (reason, channel, count) =>
      this.drops.report(reason, { channel }, count),
    );
    this.mailboxIdleMs = settings.mailboxIdleMs;
    this.sweepIntervalMs = settings.sweepIntervalMs;
    this.recentlyReceived = settings.trackLiveChannels ? new Set() : undefined;
  }

  /** Times a host came back as another Redis process (a `restarted` event each): each may have lost messages uncounted. */
  get hostRestarts(): number {
    return this.restarts;
  }

  /** Payloads dropped because they could not be decoded or had the wrong shape. */
  get malformedCount(): number {
    return this.malformed.count;
  }

  /**
   * What this process holds (channels with a mailbox, groups it made memberships of) and whether
   * every host is up (false from a host's `down` event to its `up`): no I/O, for metrics and readiness.
   */
  stats(): LayerStats {
    return { channels: this.local.size, groups: this.memberships.groupCount, up: this.hostsDown.size === 0 };
  }

  /** A host's connection dropped (or never came up): tracked for `stats().up`, then emitted. */
  protected hostDown(event: HostDownEvent): void {
    this.hostsDown.add(event.shard);
    this.emit("down", event);
  }

  /** A host is back and restored. */
  protected hostUp(event: HostEvent): void {
    this.hostsDown.delete(event.shard);
    this.emit("up", event);
  }

  /**
   * Seconds `ping` took; rejects at once while the layer is closed or a host is down, so that a
   * scrape during an outage leaves no command waiting in a reconnecting client's queue.
   */
  protected async timedPing(ping: (() => Promise<unknown>) | undefined): Promise<number> {
    this.assertOpen("ping");
    if (ping === undefined) throw new Error(`${this.drops.origin}: this transport cannot ping its store.`);
    if (this.hostsDown.size > 0) throw new Error(`${this.drops.origin}: a Redis host is down.`);
    const startedAt = performance.now();
    await ping();
    return (performance.now() - startedAt) / 1000;
  }

  // Not async: a message already here is handed over without waiting on anything else.
  receive(channel: string, options: ReceiveOptions = {}): Promise<Message> {
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.closed) return Promise.reject(new ChannelReceiveAborted(channel, "closed"));
    try {
      this.admit(channel, false);
    } catch (error) {
      return Promise.reject(error);
    }
    this.recentlyReceived?.add(channel);
    const queued = this.local.take(channel);
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<Message>((resolve, reject) => {
      if (signal === undefined) {
        this.local.waitInto(channel, { onLayerMessage: resolve, onLayerError: reject });
      } else {
        const onAbort = (): void => {
          if (this.local.cancel(channel, receiver)) reject(signal.reason);
        };
        const receiver: LayerReceiver = {
          onLayerMessage: (message) => {
            signal.removeEventListener("abort", onAbort);
            resolve(message);
          },
          onLayerError: (error) => {
            signal.removeEventListener("abort", onAbort);
            reject(error);
          },
        };
        signal.addEventListener("abort", onAbort, { once: true });
        this.local.waitInto(channel, receiver);
      }
      this.listen(channel);
    });
  }

  /** The next message on `channel` goes to `receiver`, without a promise. */
  receiveInto(channel: string, receiver: LayerReceiver): void {
    if (this.closed) return receiver.onLayerError(new ChannelReceiveAborted(channel, "closed"));
    this.admit(channel, this.local.has(channel));
    this.recentlyReceived?.add(channel);
    const queued = this.local.take(channel);
    if (queued !== undefined) return receiver.onLayerMessage(queued);
    this.local.waitInto(channel, receiver);
    this.listen(channel);
  }

  /** A message already taken off Redis for `channel`, if any, without waiting or a promise. */
  receiveNowait(channel: string): Message | undefined {
    if (this.closed) throw new ChannelReceiveAborted(channel, "closed");
    const known = this.local.has(channel);
    this.admit(channel, known);
    if (!known) return undefined;
    this.recentlyReceived?.add(channel);
    return this.local.take(channel);
  }

  /**
   * The store `listPresence` and the consumers' `presence` use on this layer (docs/presence.md):
   * a `RedisPresenceStore` on the first host, with the layer's prefix, closed with the layer.
   */
  createPresenceStore(): PresenceStore {
    this.assertOpen("createPresenceStore");
    if (this.presenceHost === undefined) throw new PresenceUnsupported(this.layerName);
    const store = new RedisPresenceStore({ ...this.presenceHost, logger: this.logger });
    this.presenceStores.push(store);
    return store;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const presenceClosed = Promise.all(this.presenceStores.map((store) => store.close()));
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    this.local.closeAll((channel) => new ChannelReceiveAborted(channel, "closed"));
    // ioredis never settles commands queued for a connection it is reconnecting when disconnected.
    this.pending.rejectAll((operation) => new ChannelLayerClosed(operation));
    this.shutdown();
    this.drops.flush();
    await presenceClosed;
  }

  /**
   * Check `channel` may be received on here; throws (a TypeError) when not. `known` is true when
   * the channel has a mailbox already, so its name was validated when it got one.
   */
  protected abstract admit(channel: string, known: boolean): void;

  /** A receive waits on `channel`: make its messages flow here (idempotent, cheap when they do). */
  protected abstract listen(channel: string): void;

  /** The error an operation guarded for `scope` fails with right now, if any. */
  protected abstract unavailableFor(scope: number): Error | undefined;

  /** Stop the transport and every timer of the layer (after receives and pending operations were ended). */
  protected abstract shutdown(): void;

  /**
   * `work`, settled early by close() (ChannelLayerClosed) or by a lasting outage of what it needs
   * (`scope`: a host index, `ANY_HOST`, or `CLOSE_ONLY`).
   */
  protected guard<T>(operation: string, work: Promise<T>, scope: number = ANY_HOST): Promise<T> {
    if (this.closed) {
      work.catch(noop);
      return Promise.reject(new ChannelLayerClosed(operation));
    }
    const unavailable = scope === CLOSE_ONLY ? undefined : this.unavailableFor(scope);
    if (unavailable !== undefined) {
      work.catch(noop);
      return Promise.reject(unavailable);
    }
    return this.pending.track(operation, scope, work);
  }

  protected assertOpen(method: string): void {
    if (this.closed) throw new ChannelLayerClosed(method);
  }

  /** Sweep idle mailboxes from now on (once something may arrive for a channel nobody receives on). */
  protected ensureSweep(): void {
    if (this.sweepTimer !== undefined || this.closed) return;
    const idleMs = this.mailboxIdleMs;
    this.sweepTimer = setInterval(() => this.local.sweep(idleMs), this.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** Count, log (rate-limited) and emit deliveries not made. */
  protected reportDrop(reason: DropReason, site: DropSite, count: number, detail?: string): void {
    this.drops.report(reason, site, count, detail);
  }

  /** Data off the wire that no channels_redis peer writes: counted, emitted, warned about (rate-limited), dropped. */
  protected reportMalformed(kind: "Redis key" | "Pub/Sub channel", source: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.malformed.report(`${kind} ${JSON.stringify(source)}`, reason);
    this.emit("malformed", { source, reason });
    this.drops.report("undecodable", { channel: source }, 1, undefined, false); // the malformed warning said it
  }

  /**
   * Redis restarted while this layer was away (its run_id changed): counted, emitted and warned
   * about, once per restart. What it lost cannot be counted (it is gone with the old process), so
   * it is said in words instead of a drop count that would be a guess.
   */
  protected reportRestart(event: HostRestartedEvent): void {
    this.restarts++;
    this.logger.warn(
      `${this.layerName}: Redis ${event.host} restarted (run_id ${event.previousRunId} -> ${event.runId}): ` +
        "messages it held for this process and group sends that reached it before every process had " +
        "restored its memberships are lost, and cannot be counted; sends that failed or went unanswered " +
        "are counted as layer down.",
    );
    this.emit("restarted", event);
  }

  /** An error of the layer's own work (it retries): emitted and warned about (rate-limited). */
  protected reportBackgroundError(event: BackgroundErrorEvent): void {
    const where = event.key === undefined ? event.source : `${event.source} on ${JSON.stringify(event.key)}`;
    this.backgroundErrors.report(where, event.error);
    this.emit("backgroundError", event);
  }
}

function droppedEvent(reason: DropReason, site: DropSite, count: number): DroppedEvent {
  return site.group !== undefined ? { reason, group: site.group, count } : { reason, channel: site.channel, count };
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function noop(): void {}
