import type { PubSubTransport, PubSubTransportContext, PubSubTransportFactory } from "../pubsub-transport";
import { RedisHostUnavailable } from "../redis-host-unavailable";
import { closedGate, type ClosedGate } from "./closed-gate";

/** How a fake transport listens to its own channels: one pattern (as Redis) or one subscription each (as sharded pub/sub). */
export type OwnListening = "pattern" | "per-channel";

/**
 * An in-process pub/sub bus for `RedisPubSubChannelLayer` tests without a redis-server (the
 * socket.io-adapter way: the bus is an in-memory fan-out). Every layer made with `bus.transport`
 * talks to the others through it; a message reaches a transport only while it is connected and
 * subscribed, as with Redis. Each transport can be taken down, brought back (it restores its
 * subscriptions, then reports `up`), timed out (`unavailable`), and made to refuse publishes or
 * fail its restore, so that the layer's handling of each is tested in milliseconds.
 */
export class FakePubSubBus {
  readonly transports: FakePubSubTransport[] = [];
  /** Every publish that reached the bus, in order. */
  readonly published: Array<{ name: string; payload: Buffer }> = [];

  constructor(private readonly ownListening: OwnListening = "pattern") {}

  /** The layer's `transport` option. */
  readonly transport: PubSubTransportFactory = (context) => {
    const transport = new FakePubSubTransport(this, context, this.ownListening);
    this.transports.push(transport);
    return transport;
  };

  /** Deliver `payload` on `name` to every connected transport listening to it, a microtask later (as off a socket). */
  publish(name: string, payload: Buffer): void {
    this.published.push({ name, payload });
    queueMicrotask(() => {
      for (const transport of this.transports) transport.deliver(name, payload);
    });
  }
}

/** One layer's connection to a `FakePubSubBus`. */
export class FakePubSubTransport implements PubSubTransport {
  /** When set, every publish rejects with it (Redis refused it, or the connection dropped under it). */
  refusePublishes: Error | undefined;
  /** When set, the next restore fails with it (once), as a SUBSCRIBE refused after a reconnect. */
  failNextRestore: Error | undefined;
  private readonly channels = new Set<string>();
  private readonly ownChannels = new Set<string>();
  private listeningToAllOwn = false;
  private connected = true;
  private closed = false;
  private unavailableError: RedisHostUnavailable | undefined;
  private gate: ClosedGate | undefined;

  constructor(
    private readonly bus: FakePubSubBus,
    private readonly context: PubSubTransportContext,
    private readonly ownListening: OwnListening,
  ) {}

  get settled(): boolean {
    return this.connected && this.gate === undefined;
  }

  get unavailable(): RedisHostUnavailable | undefined {
    return this.unavailableError;
  }

  connect(): Promise<void> {
    if (this.unavailableError !== undefined) return Promise.reject(this.unavailableError);
    return this.gate?.promise ?? Promise.resolve();
  }

  /** A round trip to the fake: at once, or once the gate opens (as PING on a reconnecting client). */
  ping(): Promise<unknown> {
    if (this.unavailableError !== undefined) return Promise.reject(this.unavailableError);
    return this.gate?.promise ?? Promise.resolve("PONG");
  }

  publish(name: string, payload: Buffer): Promise<unknown> {
    if (this.gate !== undefined) return this.gate.promise.then(() => this.publish(name, payload));
    if (this.refusePublishes !== undefined) return Promise.reject(this.refusePublishes);
    this.bus.publish(name, payload);
    return Promise.resolve(1);
  }

  async subscribe(name: string): Promise<void> {
    this.channels.add(name);
    await this.gate?.promise;
  }

  subscribed(name: string): boolean {
    return this.channels.has(name);
  }

  async unsubscribe(name: string): Promise<void> {
    this.channels.delete(name);
  }

  async unsubscribeAll(): Promise<void> {
    this.channels.clear();
  }

  async listenOwn(channel: string): Promise<void> {
    if (this.ownListening === "pattern") this.listeningToAllOwn = true;
    else this.ownChannels.add(channel);
    await this.gate?.promise;
  }

  listeningOwn(channel: string): boolean {
    return this.ownListening === "pattern" ? this.listeningToAllOwn : this.ownChannels.has(channel);
  }

  async unlistenOwn(channel: string): Promise<void> {
    this.ownChannels.delete(channel);
  }

  close(): void {
    this.closed = true;
    this.gate?.fail(new Error("closed"));
  }

  /** Names this transport is subscribed to (what a restore must put back). */
  get subscriptions(): string[] {
    return [...this.channels];
  }

  /** The connection drops: nothing reaches this transport until `reconnect()`; publishes wait. */
  disconnect(error = new Error("connection lost")): void {
    if (!this.connected) return;
    this.connected = false;
    this.gate ??= closedGate();
    this.context.listener.down({ shard: 0, host: "fake", error, firstConnection: false });
  }

  /** The connection is back: restore the subscriptions (or fail to, once), then `up`. */
  reconnect(): void {
    if (this.connected || this.closed) return;
    this.connected = true;
    this.unavailableError = undefined;
    const failed = this.failNextRestore;
    this.failNextRestore = undefined;
    if (failed !== undefined) this.context.listener.backgroundError("restore", failed);
    const gate = this.gate;
    this.gate = undefined;
    gate?.open();
    this.context.listener.up({ shard: 0, host: "fake" });
  }

  /** Down for longer than `operationTimeoutMs`: what waits fails, and new operations fail at once. */
  timeOut(downForMs = 5000): void {
    const error = new RedisHostUnavailable("fake", downForMs, new Error("connection lost"));
    this.unavailableError = error;
    const gate = this.gate;
    if (gate !== undefined) {
      gate.fail(error);
      // Later operations see the failure at once, until the transport reconnects.
      const promise = Promise.reject(error);
      promise.catch(() => undefined);
      this.gate = { promise, open: gate.open, fail: () => undefined };
    }
    this.context.listener.unavailable(error);
  }

  /** Called by the bus for every publish. */
  deliver(name: string, payload: Buffer): void {
    if (!this.connected || this.closed) return;
    const own = name.includes(this.context.ownMarker);
    const listening = own
      ? this.ownListening === "pattern"
        ? this.listeningToAllOwn
        : this.ownChannels.has(name)
      : this.channels.has(name);
    if (listening) this.context.listener.message(name, payload);
  }
}
