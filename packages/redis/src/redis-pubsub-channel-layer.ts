import { randomUUID } from "node:crypto";
import {
  ChannelLayerClosed,
  ChannelReceiveAborted,
  InvalidLayerOption,
  type ChannelLayer,
  type Message,
} from "@channels-ts/core";
import {
  ChannelCapacities,
  requireCapacity,
  validateChannelName,
  validateChannelPrefix,
  validateGroupName,
  validateMessage,
} from "@channels-ts/core/layer-kit";
import { normalizeHosts } from "./hosts";
import { checkClusterOptions } from "./cluster-options";
import { ClusterPubSubTransport } from "./cluster-pubsub-transport";
import { CONNECTION_OPTIONS, rejectUnknownOptions } from "./known-options";
import type { PubSubDropCounts, PubSubDropReason } from "./layer-events";
import { checkNumber, checkPrefix, CONNECTION_DEFAULTS, type RedisPubSubChannelLayerOptions } from "./options";
import type { PubSubTransport, PubSubTransportListener } from "./pubsub-transport";
import type { RedisHostUnavailable } from "./redis-host-unavailable";
import { ANY_HOST, asError, CLOSE_ONLY, RedisLayerBase } from "./redis-layer-base";
import { RedisPubSubTransport } from "./redis-pubsub-transport";
import { MessageSerializer } from "./serializer";
import { parseWireMessage } from "./wire-message";

const KNOWN_OPTIONS = [...CONNECTION_OPTIONS, "capacity", "channelCapacity", "expiry", "transport", "cluster"];
const DROP_REASONS: readonly PubSubDropReason[] = ["channel full", "undecodable", "layer down"];

/**
 * A channel layer on Redis Pub/Sub, in channels_redis's `RedisPubSubChannelLayer` format: a
 * message is one PUBLISH of plain msgpack on the channel's own name, a group is the Pub/Sub
 * channel `<prefix>__group__<group>`, and membership lives in the process that made it. Nothing
 * is stored, so nothing has capacity or expiry on Redis: a message published while nobody
 * listens is lost. This process listens to its own channels (`PubSubTransport.listenOwn`) and
 * subscribes to a group only while it has members in it. The bus is a `PubSubTransport`: Redis
 * through ioredis by default, any other through the `transport` option.
 */
export class RedisPubSubChannelLayer extends RedisLayerBase<PubSubDropReason> implements ChannelLayer {
  readonly extensions = ["groups", "flush"] as const;
  /** 32 hex digits in every channel name this layer makes: `specific.<clientPrefix>!<id>`. */
  readonly clientPrefix = randomUUID().replace(/-/g, "");
  readonly prefix: string;

  private readonly transport: PubSubTransport;
  private readonly serializer = new MessageSerializer({ prefixed: false });
  private readonly ownMarker: string;
  /** PUBLISHes written whose reply has not come back (see `publish`). */
  private inFlight = 0;
  private readonly published = (): void => {
    this.inFlight--;
  };

  constructor(options: RedisPubSubChannelLayerOptions = {}) {
    const o = { ...CONNECTION_DEFAULTS, ...options };
    rejectUnknownOptions("RedisPubSubChannelLayer", options, KNOWN_OPTIONS);
    checkPrefix(o.prefix);
    checkNumber("operationTimeoutMs", o.operationTimeoutMs, 1);
    checkNumber("expiry", o.expiry ?? 60, 0.001);
    if (o.transport !== undefined && o.hosts !== undefined)
      throw new InvalidLayerOption("hosts", o.hosts, "no hosts with transport (the transport knows where its bus is)");
    if (o.cluster !== undefined) checkClusterOptions(o.cluster, o);
    const capacities = new ChannelCapacities(o.channelCapacity, requireCapacity("capacity", o.capacity ?? 100));
    const mailboxIdleMs = (o.expiry ?? 60) * 1000;
    super({
      layerName: "RedisPubSubChannelLayer",
      logger: o.logger ?? console,
      warnIntervalMs: o.warnIntervalMs,
      dropReasons: DROP_REASONS,
      capacityOf: (channel) => capacities.get(channel),
      mailboxIdleMs,
      sweepIntervalMs: Math.max(50, mailboxIdleMs),
      trackLiveChannels: false,
    });
    this.prefix = o.prefix;
    this.ownMarker = `.${this.clientPrefix}!`;
    const listener: PubSubTransportListener = {
      message: (name, payload) => this.onMessage(name, payload),
      down: (event) => this.hostDown(event),
      up: (event) => this.hostUp(event),
      restarted: (event) => this.reportRestart(event),
      unavailable: (error) => this.pending.rejectFor(ANY_HOST, error),
      backgroundError: (source, error) => this.reportBackgroundError({ source, error }),
    };
    const context = { ownMarker: this.ownMarker, listener };
    this.transport =
      o.transport !== undefined
        ? o.transport(context)
        : o.cluster !== undefined
          ? new ClusterPubSubTransport({ ...o.cluster, ...pick(o) }, context)
          : new RedisPubSubTransport(o, context);
    if (o.transport === undefined && o.cluster === undefined) {
      this.presenceHost = { host: normalizeHosts(o.hosts)[0]!, prefix: o.prefix };
    }
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
    return this.transport.unavailable;
  }

  /** One PING to the bus, in seconds (for metrics); rejects at once while a host is down. */
  ping(): Promise<number> {
    return this.timedPing(this.transport.ping?.bind(this.transport));
  }

  /** Messages this layer could not deliver since it started, by reason (each also emitted as `dropped`). */
  get droppedCounts(): PubSubDropCounts {
    return this.drops.counts();
  }

  /** The Pub/Sub channel of `group`, as channels_redis names it. */
  groupChannel(group: string): string {
    return `${this.prefix}__group__${group}`;
  }

  async newChannel(prefix = "specific"): Promise<string> {
    this.assertOpen("newChannel");
    validateChannelPrefix(prefix, 1 + 32 + 1 + 32);
    const channel = `${prefix}${this.ownMarker}${randomUUID().replace(/-/g, "")}`;
    await this.guard("newChannel", this.transport.listenOwn(channel));
    return channel;
  }

  async send(channel: string, message: Message): Promise<void> {
    this.assertOpen("send");
    validateChannelName(channel);
    validateMessage(message);
    await this.publish("send", channel, this.serializer.serialize(message));
  }

  async groupAdd(group: string, channel: string): Promise<void> {
    this.assertOpen("groupAdd");
    validateGroupName(group);
    validateChannelName(channel);
    this.memberships.add(group, channel, 0);
    await this.guard("groupAdd", this.transport.subscribe(this.groupChannel(group)));
  }

  async groupDiscard(group: string, channel: string): Promise<void> {
    this.assertOpen("groupDiscard");
    validateGroupName(group);
    validateChannelName(channel);
    this.memberships.remove(group, channel);
    await this.guard("groupDiscard", this.unsubscribeIfUnused(group));
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
    const own = channel.includes(this.ownMarker);
    await this.guard(
      "discardChannel",
      Promise.all([
        ...groups.map((group) => this.unsubscribeIfUnused(group)),
        own ? this.transport.unlistenOwn(channel) : this.transport.unsubscribe(channel),
      ]),
    );
  }

  /** Forget every membership and queued message, and leave every group and named channel. */
  async flush(): Promise<void> {
    this.assertOpen("flush");
    this.memberships.clear();
    this.local.clearQueues();
    await this.guard("flush", this.transport.unsubscribeAll());
  }

  protected admit(channel: string, known: boolean): void {
    // A consumer's channel keeps its mailbox between messages: its name is checked once, not per wait.
    if (!known) validateChannelName(channel);
  }

  /**
   * Makes sure the bus forwards `channel`'s messages here, asking only when it does not yet; a
   * failure to subscribe fails the channel's waiting receives.
   */
  protected listen(channel: string): void {
    const transport = this.transport;
    const own = channel.includes(this.ownMarker);
    if (own ? transport.listeningOwn(channel) : transport.subscribed(channel)) return;
    const listening = own ? transport.listenOwn(channel) : transport.subscribe(channel);
    // Tracked so that close() ends a receive whose subscription waits on a host that is down.
    this.guard("receive", listening, CLOSE_ONLY).catch((error: unknown) => this.local.discard(channel, error));
  }

  protected unavailableFor(): Error | undefined {
    return this.transport.unavailable;
  }

  protected shutdown(): void {
    this.transport.close();
  }

  private async unsubscribeIfUnused(group: string): Promise<void> {
    if (this.memberships.membersOf(group) !== undefined) return;
    await this.transport.unsubscribe(this.groupChannel(group));
  }

  private onMessage(name: string, data: Buffer): void {
    if (this.closed) return;
    let message: Message;
    try {
      message = parseWireMessage(this.serializer.deserialize(data)).message;
    } catch (error) {
      this.reportMalformed("Pub/Sub channel", name, error);
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

  /**
   * PUBLISH `payload` on `name`. The caller does not wait for Redis's reply: commands on one
   * connection run in order, so the next send cannot overtake this one, and a consumer that
   * awaits each send (one message at a time) would otherwise pay a round trip per message. A
   * PUBLISH that fails is counted and reported as dropped (`layer down`). The reply is awaited
   * only while `MAX_IN_FLIGHT` are unanswered (backpressure when Redis falls behind), and a
   * send made while a host reconnects waits until this process's subscriptions are back there.
   */
  private publish(operation: string, name: string, payload: Buffer): Promise<void> {
    const transport = this.transport;
    if (this.closed) return Promise.reject(new ChannelLayerClosed(operation));
    const unavailable = transport.unavailable;
    if (unavailable !== undefined) return Promise.reject(unavailable);
    // Before the first connection or during a reconnect: wait for the host, and for the reply (a failure is the caller's).
    if (!transport.settled) return this.guard(operation, transport.publish(name, payload)) as Promise<void>;
    this.inFlight++;
    const reply = transport.publish(name, payload).then(this.published, (error: unknown) => {
      this.inFlight--;
      if (!this.closed) this.reportDrop("layer down", { channel: name }, 1, asError(error).message);
    });
    return this.inFlight > MAX_IN_FLIGHT ? this.guard(operation, reply) : RESOLVED;
  }
}

/** Unanswered PUBLISHes beyond which a send waits for its reply. */
const MAX_IN_FLIGHT = 4096;

const RESOLVED: Promise<void> = Promise.resolve();

/** What the cluster transport takes from the layer's options besides `cluster`. */
function pick(o: typeof CONNECTION_DEFAULTS): {
  prefix: string;
  reconnectMinDelayMs: number;
  reconnectMaxDelayMs: number;
  operationTimeoutMs: number;
} {
  const { prefix, reconnectMinDelayMs, reconnectMaxDelayMs, operationTimeoutMs } = o;
  return { prefix, reconnectMinDelayMs, reconnectMaxDelayMs, operationTimeoutMs };
}
