import { ChannelLayerMissing, StopConsumer } from "../errors";
import type { ChannelLayer } from "../layers/channel-layer";
import { getChannelLayer } from "../layers";
import type { Application, Message, Receive, Scope, Send } from "../types";
import { handlerNameFor, reserveFrameworkNames } from "./handler-name";
import type { AnyMessages, MessageMap, MessageOf } from "./typed-messages";

/** What `asApp` needs of a consumer class: a no-argument constructor and `run`. */
export interface RunnableConsumer {
  // Method syntax on purpose: a consumer's `run` takes its own scope type (WebsocketScope, ...).
  run(scope: Scope, receive: Receive, send: Send): Promise<void>;
}

/**
 * The machinery every consumer shares (Channels' AsyncConsumer): one instance per scope, a channel
 * on the layer, and every message, from the client or the layer, dispatched to the method named
 * after its `type`, one at a time, in arrival order. Subclasses add the protocol's helpers.
 *
 * As Channels' `await_many_dispatch`, the next message is asked of a source (client or layer) only
 * once the previous one from it is dispatched: a slow consumer leaves its messages in the layer,
 * where `capacity` applies (`send` throws `ChannelFull`, `groupSend` skips it), and in the server,
 * which stops reading that socket. Internals are ES private (#) so no message type can reach them.
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

  // At most one message per source waits here (two in all), in arrival order.
  #inbox: Message[] = [];
  #fromLayer: boolean[] = [];
  #wake: (() => void) | null = null;
  #failure: { error: unknown } | null = null;
  #stopped = false;
  #stopRequested = false;
  #receive: Receive | undefined;
  // Bound once per consumer, not once per message.
  #onClientMessage = (message: Message): void => this.#push(message, false);
  #onLayerMessage = (message: Message): void => this.#push(message, true);
  #onSourceError = (error: unknown): void => {
    if (!this.#stopped) this.#fail(error);
  };

  /** An application that creates one instance of this consumer per scope; `init` sets its fields. */
  static asApp<C extends RunnableConsumer>(this: new () => C, init?: Partial<C>): Application {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class itself, captured for the returned function
    const Consumer = this;
    return async function consumerApplication(scope: Scope, receive: Receive, send: Send): Promise<void> {
      const consumer = new Consumer();
      if (init !== undefined) Object.assign(consumer, init);
      await consumer.run(scope, receive, send);
    };
  }

  /** Runs this instance for one scope until it stops; removes its channel and memberships after. */
  async run(scope: S, receive: Receive, send: Send): Promise<void> {
    this.scope = scope;
    this.baseSend = send;
    this.#receive = receive;
    const layer = this.channelLayerAlias === "" ? undefined : getChannelLayer(this.channelLayerAlias);
    this.channelLayer = layer;
    if (layer !== undefined) {
      this.channelName = await layer.newChannel();
      this.#askLayer();
    }
    this.#askClient();
    try {
      await this.#dispatchLoop();
    } finally {
      this.#stopped = true;
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

  /**
   * Ends the consumer as if a handler threw StopConsumer: after the handler now running returns,
   * or at once when none is running (e.g. a final body chunk sent from a timer).
   */
  protected stopAfterThisMessage(): void {
    this.#stopRequested = true;
    this.#wakeUp();
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

  #askClient(): void {
    if (this.#stopped) return;
    let pending: Promise<Message>;
    try {
      pending = (this.#receive as Receive)();
    } catch (error) {
      this.#onSourceError(error);
      return;
    }
    pending.then(this.#onClientMessage, this.#onSourceError);
  }

  #askLayer(): void {
    const layer = this.channelLayer;
    if (this.#stopped || layer === undefined) return;
    if (layer.receiveNowait !== undefined) {
      // A backlog is drained without a promise per message.
      let queued: Message | undefined;
      try {
        queued = layer.receiveNowait(this.channelName as string);
      } catch (error) {
        this.#onSourceError(error);
        return;
      }
      if (queued !== undefined) {
        this.#push(queued, true);
        return;
      }
    }
    layer.receive(this.channelName as string).then(this.#onLayerMessage, this.#onSourceError);
  }

  #push(message: Message, fromLayer: boolean): void {
    if (this.#stopped) return;
    this.#inbox.push(message);
    this.#fromLayer.push(fromLayer);
    this.#wakeUp();
  }

  #fail(error: unknown): void {
    if (this.#failure === null) this.#failure = { error };
    this.#wakeUp();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    if (wake !== null) {
      this.#wake = null;
      wake();
    }
  }

  async #dispatchLoop(): Promise<void> {
    for (;;) {
      if (this.#failure !== null) throw this.#failure.error;
      if (this.#stopRequested) return;
      const message = this.#inbox.shift();
      if (message === undefined) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
        continue;
      }
      const fromLayer = this.#fromLayer.shift() as boolean;
      try {
        await this.dispatch(message);
      } catch (error) {
        if (error instanceof StopConsumer) return;
        throw error;
      }
      if (this.#stopRequested) return;
      // Only now ask that source for its next message (see the class comment).
      if (fromLayer) this.#askLayer();
      else this.#askClient();
    }
  }
}

reserveFrameworkNames(BaseConsumer.prototype);
