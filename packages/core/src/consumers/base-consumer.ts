import { ChannelLayerMissing, StopConsumer } from "../errors";
import type { ChannelLayer } from "../layers/channel-layer";
import { getChannelLayer } from "../layers";
import type { Application, Message, Receive, Scope, Send } from "../types";
import { handlerNameFor } from "./handler-name";
import type { AnyMessages, MessageMap, MessageOf } from "./typed-messages";

/** What `asApp` needs of a consumer class: a no-argument constructor and `run`. */
export interface RunnableConsumer {
  run(scope: never, receive: Receive, send: Send): Promise<void>;
}

/**
 * The machinery every consumer shares (Channels' AsyncConsumer): one instance per scope, a channel
 * on the layer, and every message, from the client or the layer, dispatched to the method named
 * after its `type`, one at a time, in arrival order. Subclasses add the protocol's helpers.
 */
export class BaseConsumer<M extends MessageMap = AnyMessages, S extends Scope = Scope> {
  /** Alias of the channel layer in `channelLayers`; an empty string means "no layer". */
  channelLayerAlias = "default";
  scope!: S;
  /** The layer for `channelLayerAlias`, or undefined when none is configured. */
  channelLayer: ChannelLayer | undefined;
  /** This consumer's own channel on the layer (set before the first message is dispatched). */
  channelName: string | undefined;
  protected baseSend!: Send;

  // One inbox fed by two pumps (client and layer), drained by a single dispatch loop: that is what
  // keeps dispatch strictly one at a time, in arrival order.
  private inbox: Array<Message | undefined> = [];
  private head = 0;
  private wake: (() => void) | null = null;
  private failure: { error: unknown } | null = null;
  private stopped = false;
  private stopAfterDispatch = false;

  /** An application that creates one instance of this consumer per scope; `init` sets its fields. */
  static asApp<C extends RunnableConsumer>(this: new () => C, init?: Partial<C>): Application {
    const Consumer = this;
    return async function consumerApplication(scope: Scope, receive: Receive, send: Send): Promise<void> {
      const consumer = new Consumer();
      if (init !== undefined) Object.assign(consumer, init);
      await consumer.run(scope as never, receive, send);
    };
  }

  /** Runs this instance for one scope until it stops; removes its channel and memberships after. */
  async run(scope: S, receive: Receive, send: Send): Promise<void> {
    this.scope = scope;
    this.baseSend = send;
    const layer = this.channelLayerAlias === "" ? undefined : getChannelLayer(this.channelLayerAlias);
    this.channelLayer = layer;
    if (layer !== undefined) {
      const channel = await layer.newChannel();
      this.channelName = channel;
      void this.pumpLayer(layer, channel);
    }
    void this.pumpClient(receive);
    try {
      await this.dispatchLoop();
    } finally {
      this.stopped = true;
      if (layer !== undefined && this.channelName !== undefined) {
        // A consumer that ends leaves no trace: its channel and memberships go now, not at expiry.
        // Discarding also ends the pending receive (cheaper than an AbortSignal per receive).
        await layer.discardChannel(this.channelName).catch(() => undefined);
      }
    }
  }

  /** Calls the handler for `message.type` (Channels' `dispatch`). */
  async dispatch(message: Message): Promise<void> {
    const name = handlerNameFor(this, message.type);
    await (this as unknown as Record<string, (message: Message) => unknown>)[name]!(message);
  }

  /** Ends the consumer once the handler now running returns (as if it threw StopConsumer). */
  protected stopAfterThisMessage(): void {
    this.stopAfterDispatch = true;
  }

  /** Adds this consumer's channel to `group`. Throws `ChannelLayerMissing` without a layer. */
  async groupAdd(group: string): Promise<void> {
    await this.requireLayer().groupAdd(group, this.channelName as string);
  }

  /** Removes this consumer's channel from `group`. */
  async groupDiscard(group: string): Promise<void> {
    await this.requireLayer().groupDiscard(group, this.channelName as string);
  }

  /** Sends `message` to every member of `group`; typed by the consumer's declared messages. */
  async groupSend(group: string, message: MessageOf<M>): Promise<void> {
    await this.requireLayer().groupSend(group, message as unknown as Message);
  }

  /** Sends `message` to one channel (another consumer's `channelName`, or a worker channel). */
  async channelSend(channel: string, message: MessageOf<M>): Promise<void> {
    await this.requireLayer().send(channel, message as unknown as Message);
  }

  protected requireLayer(): ChannelLayer {
    if (this.channelLayer === undefined) throw new ChannelLayerMissing(this.channelLayerAlias);
    return this.channelLayer;
  }

  private push(message: Message): void {
    this.inbox.push(message);
    const wake = this.wake;
    if (wake !== null) {
      this.wake = null;
      wake();
    }
  }

  private fail(error: unknown): void {
    if (this.failure === null) this.failure = { error };
    const wake = this.wake;
    if (wake !== null) {
      this.wake = null;
      wake();
    }
  }

  private async pumpClient(receive: Receive): Promise<void> {
    while (!this.stopped) {
      let message: Message;
      try {
        message = await receive();
      } catch (error) {
        if (!this.stopped) this.fail(error);
        return;
      }
      if (this.stopped) return;
      this.push(message);
    }
  }

  private async pumpLayer(layer: ChannelLayer, channel: string): Promise<void> {
    while (!this.stopped) {
      let message: Message;
      try {
        message = await layer.receive(channel);
      } catch (error) {
        if (!this.stopped) this.fail(error);
        return;
      }
      if (this.stopped) return;
      this.push(message);
    }
  }

  private async dispatchLoop(): Promise<void> {
    for (;;) {
      if (this.failure !== null) throw this.failure.error;
      if (this.head === this.inbox.length) {
        this.inbox.length = 0;
        this.head = 0;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      const message = this.inbox[this.head] as Message;
      this.inbox[this.head++] = undefined;
      try {
        await this.dispatch(message);
      } catch (error) {
        if (error instanceof StopConsumer) return;
        throw error;
      }
      if (this.stopAfterDispatch) return;
    }
  }
}
