import { ChannelLayerMissing, HandlerNotFound, StopConsumer, TooManyGroups } from "../errors";
import type { ChannelLayer, LayerReceiver } from "../layers/channel-layer";
import { getChannelLayer } from "../layers";
import { ConsumerPresence } from "../presence/consumer-presence";
import { existingPresenceOf } from "../presence/presence-registry";
import type { PresenceDiffMessage, PresenceStateMessage } from "../presence/presence-types";
import { receiveSourceOf, type EventReceiver, type ReceiveSource } from "../receive-source";
import type { Application, Message, Receive, Scope, Send } from "../types";
import { DONE } from "../util/done";
import { runInMicrotask } from "../util/microtask-batch";
import { consumerDrops } from "./consumer-drops";
import { handlerNameFor, reserveFrameworkNames } from "./handler-name";
import { handlerTiming } from "./handler-timing";
import type { AnyMessages, MessageMap, MessageOf } from "./typed-messages";

/** What `asApp` needs of a consumer class: a no-argument constructor and `run`. */
export interface RunnableConsumer {
  // Method syntax on purpose: a consumer's `run` takes its own scope type (WebsocketScope, ...).
  run(scope: Scope, receive: Receive, send: Send): Promise<void>;
}

// Set in BaseConsumer's static block: the hand-off's way in.
let handOver: (consumer: BaseConsumer, message: Message, fromLayer: boolean) => void;
let failSource: (consumer: BaseConsumer, error: unknown) => void;

/** A consumer's receiver for the layer and the server: it passes every call on to its consumer. */
class Handoff implements LayerReceiver, EventReceiver<Message> {
  readonly #consumer: BaseConsumer;
  constructor(consumer: object) {
    this.#consumer = consumer as BaseConsumer;
  }

  onLayerMessage(message: Message): void {
    handOver(this.#consumer, message, true);
  }

  onLayerError(error: unknown): void {
    failSource(this.#consumer, error);
  }

  onReceive(event: Message): void {
    handOver(this.#consumer, event, false);
  }
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
  /**
   * Groups this consumer may be in at once; `groupAdd` beyond it rejects with `TooManyGroups`.
   * Bounds what one client can make the layer hold when group names come from its messages.
   */
  maxGroups = 100;
  scope!: S;
  /** The layer for `channelLayerAlias`, or undefined when none is configured. */
  channelLayer: ChannelLayer | undefined;
  /** This consumer's own channel on the layer (set before the first message is dispatched). */
  channelName: string | undefined;
  protected baseSend!: Send;

  // At most one message per source waits (two in all): in two slots, oldest first, rather than
  // in arrays whose first push allocates room for 17.
  #first: Message | undefined = undefined;
  #firstFromLayer = false;
  #second: Message | undefined = undefined;
  #secondFromLayer = false;
  /** A handler is running (or the pump is looping): a new message only waits in a slot. */
  #busy = false;
  /** Whether the message being handled came from the layer (whose next message is asked after it). */
  #handlingLayerMessage = false;
  #pumpScheduled = false;
  /** performance.now() when the running async handler started, -1 when handlers are not timed. */
  #handlerStartedAt = -1;
  #lastType: unknown = undefined;
  #lastHandlerName = "";
  #previousType: unknown = undefined;
  #previousHandlerName = "";
  #failure: { error: unknown } | null = null;
  /** Groups added and not discarded, made at the first `groupAdd` (most consumers join none or one). */
  #joined: Set<string> | undefined = undefined;
  #stopped = false;
  #stopRequested = false;
  // run()'s own promise, settled by #end (null before run() and after the end).
  #resolveRun: (() => void) | null = null;
  #rejectRun: ((error: Error) => void) | null = null;
  #receive: Receive | undefined;
  /** The server's promise-free hand-over behind `receive`, when it offers one. */
  #clientSource: ReceiveSource<Message> | undefined = undefined;
  /**
   * What the layer's `receiveInto` and the server's receive source hand messages to: one small
   * object per consumer whose methods live on its prototype, rather than a closure per callback.
   */
  readonly #handoff: Handoff = new Handoff(this);
  // The promise paths' callbacks (a layer or server without a fast path), made at their first use.
  #onClientMessage: ((message: Message) => void) | undefined = undefined;
  #onSourceError: ((error: unknown) => void) | undefined = undefined;
  // Made at the first handler that returns a pending promise: a consumer whose handlers finish
  // at once (returning DONE) never needs them.
  #onHandled: (() => void) | undefined = undefined;
  #onHandlerError: ((error: unknown) => void) | undefined = undefined;
  // Made at the first wake-up from the layer: an idle connection never needs it.
  #runPump: (() => void) | undefined = undefined;
  #presence: ConsumerPresence | undefined = undefined;

  static {
    // The hand-off reaches the consumer's internals through these, and nothing else can.
    handOver = (consumer, message, fromLayer) => {
      if (fromLayer) consumer.#fromLayer(message);
      else consumer.#push(message, false);
    };
    failSource = (consumer, error) => consumer.#sourceFailed(error);
  }

  /** A message from the layer's `receiveInto`: it only queues and schedules the pump. */
  #fromLayer(message: Message): void {
    if (this.#stopped) return;
    this.#enqueue(message, true);
    if (!this.#busy && !this.#pumpScheduled) {
      this.#pumpScheduled = true;
      runInMicrotask(
        (this.#runPump ??= () => {
          this.#pumpScheduled = false;
          this.#pump();
        }),
      );
    }
  }

  #sourceFailed(error: unknown): void {
    if (!this.#stopped) this.#fail(error);
  }

  #sourceErrorCallback(): (error: unknown) => void {
    return (this.#onSourceError ??= (error) => this.#sourceFailed(error));
  }

  /** An application that creates one instance of this consumer per scope; `init` sets its fields. */
  static asApp<C extends RunnableConsumer>(this: new () => C, init?: Partial<C>): Application {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class itself, captured for the returned function
    const Consumer = this;
    // Not async: it returns run()'s promise rather than suspending one more frame per connection.
    return function consumerApplication(scope: Scope, receive: Receive, send: Send): Promise<void> {
      try {
        const consumer = new Consumer();
        if (init !== undefined) Object.assign(consumer, init);
        return consumer.run(scope, receive, send);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    };
  }

  /**
   * Runs this instance for one scope until it stops; removes its channel and memberships after.
   * Not `async`: a connection lives for hours, and a suspended async function would hold its
   * frame, its own promise and a reaction for all that time; this holds one promise.
   */
  run(scope: S, receive: Receive, send: Send): Promise<void> {
    this.scope = scope;
    this.baseSend = send;
    this.#receive = receive;
    this.#clientSource = receiveSourceOf(receive);
    let layer: ChannelLayer | undefined;
    try {
      layer = this.channelLayerAlias === "" ? undefined : getChannelLayer(this.channelLayerAlias);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.channelLayer = layer;
    const ended = new Promise<void>((resolve, reject) => {
      this.#resolveRun = resolve;
      this.#rejectRun = reject;
    });
    if (layer === undefined) {
      this.#askClient();
      return ended;
    }
    let named: Promise<string>;
    try {
      named = layer.newChannel();
    } catch (error) {
      this.#resolveRun = this.#rejectRun = null;
      return Promise.reject(error as Error);
    }
    // The channel name is known before the first message is dispatched; a layer that cannot
    // make one fails run() without a channel to discard.
    named.then(
      (name) => {
        this.channelName = name;
        this.#askLayer();
        this.#askClient();
      },
      (error: unknown) => {
        const reject = this.#rejectRun;
        this.#resolveRun = this.#rejectRun = null;
        this.#stopped = true;
        reject?.(error as Error);
      },
    );
    return ended;
  }

  /**
   * Calls the handler for `message.type` (Channels' `dispatch`) and returns what it returns (its
   * promise, for an async handler): the consumer waits for that before the next message. Not
   * `async` itself, so that a message costs one promise (the handler's), not two.
   */
  dispatch(message: Message): Promise<void> | void {
    const handlers = this as unknown as Record<string, ((message: Message) => Promise<void> | void) | undefined>;
    const type = message.type;
    // A consumer mostly alternates between a type or two (a chat: the client's frame, the group's
    // message): the last two handler names are remembered per consumer.
    let handler: ((message: Message) => Promise<void> | void) | undefined;
    if (type === this.#lastType) handler = handlers[this.#lastHandlerName];
    else if (type === this.#previousType) handler = handlers[this.#previousHandlerName];
    if (typeof handler !== "function") {
      const name = handlerNameFor(this, type);
      handler = handlers[name]!;
      this.#previousType = this.#lastType;
      this.#previousHandlerName = this.#lastHandlerName;
      this.#lastType = type;
      this.#lastHandlerName = name;
    }
    return handler.call(this, message);
  }

  /**
   * Ends the consumer as if a handler threw StopConsumer: after the handler now running returns,
   * or at once when none is running (e.g. a final body chunk sent from a timer).
   */
  protected stopAfterThisMessage(): void {
    this.#stopRequested = true;
    if (!this.#busy) this.#end(undefined);
  }

  // The four layer calls below are not `async`: each returns the layer's own promise (one promise
  // per call, not two), and a missing layer is still a rejection, not a synchronous throw.

  /** Adds this consumer's channel to `group`. Rejects with `ChannelLayerMissing` without a layer. */
  groupAdd(group: string): Promise<void> {
    const layer = this.channelLayer;
    if (layer === undefined) return Promise.reject(new ChannelLayerMissing(this.channelLayerAlias));
    const joined = (this.#joined ??= new Set());
    if (joined.has(group)) return layer.groupAdd(group, this.channelName as string);
    if (joined.size >= this.maxGroups) return Promise.reject(new TooManyGroups(group, this.maxGroups));
    // Counted at once, so that concurrent calls cannot pass maxGroups; a join the layer refuses
    // gives its place back (a group this consumer was already in stays counted).
    joined.add(group);
    let added: Promise<void>;
    try {
      added = layer.groupAdd(group, this.channelName as string);
    } catch (error) {
      joined.delete(group);
      return Promise.reject(error as Error);
    }
    return added.catch((error: unknown) => {
      joined.delete(group);
      throw error;
    });
  }

  /** Removes this consumer's channel from `group`. */
  groupDiscard(group: string): Promise<void> {
    const layer = this.channelLayer;
    if (layer === undefined) return Promise.reject(new ChannelLayerMissing(this.channelLayerAlias));
    this.#joined?.delete(group);
    return layer.groupDiscard(group, this.channelName as string);
  }

  /** Sends `message` to every member of `group`; typed by the consumer's declared messages. */
  groupSend(group: string, message: MessageOf<M>): Promise<void> {
    const layer = this.channelLayer;
    if (layer === undefined) return Promise.reject(new ChannelLayerMissing(this.channelLayerAlias));
    return layer.groupSend(group, message as unknown as Message);
  }

  /** Sends `message` to one channel (another consumer's `channelName`, or a worker channel). */
  channelSend(channel: string, message: MessageOf<M>): Promise<void> {
    const layer = this.channelLayer;
    if (layer === undefined) return Promise.reject(new ChannelLayerMissing(this.channelLayerAlias));
    return layer.send(channel, message as unknown as Message);
  }

  /** Presence in groups (docs/presence.md): `this.presence.track(group, key, meta)`, `update`, `untrack`, `list`, `count`. */
  get presence(): ConsumerPresence {
    return (this.#presence ??= new ConsumerPresence(this, (message) => this.#dispatchInPlace(message)));
  }

  /** A group's batched joins and leaves (docs/presence.md); ignored unless overridden, e.g. to forward them. */
  presence_diff(_message: PresenceDiffMessage): Promise<void> | void {}

  /** A group's whole presence state, asked for with `track(..., { state: true })`; ignored unless overridden. */
  presence_state(_message: PresenceStateMessage): Promise<void> | void {}

  protected requireLayer(): ChannelLayer {
    if (this.channelLayer === undefined) throw new ChannelLayerMissing(this.channelLayerAlias);
    return this.channelLayer;
  }

  #askClient(): void {
    if (this.#stopped) return;
    const source = this.#clientSource;
    if (source !== undefined) {
      // The next event comes to the hand-off (at once if one waits): no promise per event.
      try {
        source.receiveInto(this.#handoff);
      } catch (error) {
        this.#sourceFailed(error);
      }
      return;
    }
    let pending: Promise<Message>;
    try {
      pending = (this.#receive as Receive)();
    } catch (error) {
      this.#sourceFailed(error);
      return;
    }
    pending.then((this.#onClientMessage ??= (message) => this.#push(message, false)), this.#sourceErrorCallback());
  }

  #askLayer(): void {
    const layer = this.channelLayer;
    if (this.#stopped || layer === undefined) return;
    const channel = this.channelName as string;
    try {
      if (layer.receiveNowait !== undefined) {
        // A backlog is drained without a promise per message.
        const queued = layer.receiveNowait(channel);
        if (queued !== undefined) {
          this.#push(queued, true);
          return;
        }
      }
      if (layer.receiveInto !== undefined) {
        // Waiting costs no promise either: the layer hands the next message to #layerReceiver.
        layer.receiveInto(channel, this.#handoff);
        return;
      }
    } catch (error) {
      this.#sourceFailed(error);
      return;
    }
    // A layer without either fast path: a promise per message, as the contract has it.
    layer.receive(channel).then((message) => this.#push(message, true), this.#sourceErrorCallback());
  }

  #push(message: Message, fromLayer: boolean): void {
    if (this.#stopped) return;
    this.#enqueue(message, fromLayer);
    this.#pump();
  }

  #enqueue(message: Message, fromLayer: boolean): void {
    if (this.#first === undefined) {
      this.#first = message;
      this.#firstFromLayer = fromLayer;
    } else {
      // Each source has at most one message waiting (it is asked for the next only after a
      // dispatch), so the second slot is free here.
      this.#second = message;
      this.#secondFromLayer = fromLayer;
    }
  }

  #fail(error: unknown): void {
    if (this.#failure === null) this.#failure = { error };
    if (!this.#busy) this.#end(error);
  }

  /** Ends `run()`: with `error`, or cleanly when it is undefined. Later calls do nothing. */
  #end(error: unknown): void {
    const resolve = this.#resolveRun;
    const reject = this.#rejectRun;
    if (resolve === null || reject === null) return;
    this.#resolveRun = this.#rejectRun = null;
    this.#stopped = true;
    const reason = this.#failure !== null ? this.#failure.error : error;
    const settle = (): void => {
      if (reason === undefined) resolve();
      else reject(reason as Error);
    };
    const layer = this.channelLayer;
    const channel = this.channelName;
    if (layer === undefined || channel === undefined) return settle();
    // A consumer that ends leaves no trace: its channel and memberships go now, not at expiry.
    // Discarding also ends the pending receive (cheaper than an AbortSignal per receive). run()
    // settles once that is done, whatever the layer answers.
    let discarded: Promise<void>;
    let untracked: Promise<void> | undefined;
    try {
      // Its presences go now too, with a leave diff (a lookup when presence is not in use).
      untracked = existingPresenceOf(layer)?.untrackChannel(channel);
      discarded = Promise.resolve(layer.discardChannel(channel));
    } catch {
      return settle();
    }
    if (untracked !== undefined)
      discarded = untracked.then(
        () => discarded,
        () => discarded,
      );
    discarded.then(settle, settle);
  }

  /**
   * Dispatches waiting messages one at a time, in arrival order. An async handler leaves the
   * consumer busy until its promise settles (#onHandled); a synchronous one is followed at once,
   * in this loop rather than by recursion.
   */
  #pump(): void {
    if (this.#busy || this.#resolveRun === null) return;
    this.#busy = true;
    for (;;) {
      if (this.#failure !== null || this.#stopRequested) {
        this.#busy = false;
        this.#end(undefined);
        return;
      }
      const message = this.#first;
      if (message === undefined) {
        this.#busy = false;
        return;
      }
      const fromLayer = this.#firstFromLayer;
      this.#first = this.#second;
      this.#firstFromLayer = this.#secondFromLayer;
      this.#second = undefined;
      let result: Promise<void> | void;
      // The clock is read only while someone listens (the server's metrics): one flag otherwise.
      const startedAt = handlerTiming.enabled ? performance.now() : -1;
      try {
        result = this.dispatch(message);
      } catch (error) {
        if (startedAt !== -1) handlerTiming.finished(startedAt);
        if (error instanceof HandlerNotFound) this.#noHandler(error);
        this.#busy = false;
        this.#end(error instanceof StopConsumer ? undefined : error);
        return;
      }
      // DONE is a handler that has finished already (it returned the server's send, or a layer
      // call, that completed at once): the next message goes now, not after a microtask.
      if (result !== DONE && isPromiseLike(result)) {
        this.#handlingLayerMessage = fromLayer;
        this.#handlerStartedAt = startedAt;
        // A foreign thenable is adopted by a real promise first: it could call back twice, or throw.
        (result instanceof Promise ? result : Promise.resolve(result)).then(
          (this.#onHandled ??= () => this.#afterHandler(this.#handlingLayerMessage)),
          (this.#onHandlerError ??= (error) => {
            this.#handlerTimed();
            this.#busy = false;
            this.#end(error instanceof StopConsumer ? undefined : error);
          }),
        );
        return;
      }
      if (startedAt !== -1) handlerTiming.finished(startedAt);
      if (this.#stopRequested) continue;
      // Only now ask that source for its next message (see the class comment); a message that is
      // already waiting is pushed into the inbox, which this loop picks up.
      if (fromLayer) this.#askLayer();
      else this.#askClient();
    }
  }

  /** The async handler that was running has settled: its duration goes to the listeners, if timed. */
  #handlerTimed(): void {
    const startedAt = this.#handlerStartedAt;
    if (startedAt === -1) return;
    this.#handlerStartedAt = -1;
    handlerTiming.finished(startedAt);
  }

  /** A message no handler takes is dropped, counted and logged (rate-limited); the consumer then ends, as in Channels. */
  /**
   * Dispatches `message` from inside the handler now running (presence's `presence.state`): a
   * missing handler is reported as for a layer message, and its error ends the consumer unless the
   * calling handler catches it.
   */
  #dispatchInPlace(message: Message): Promise<void> | void {
    try {
      return this.dispatch(message);
    } catch (error) {
      if (error instanceof HandlerNotFound) this.#noHandler(error);
      throw error;
    }
  }

  #noHandler(error: HandlerNotFound): void {
    // A server's lifespan "auto" asks every application whether it speaks lifespan: a consumer
    // that has no handler for it says no, which loses nothing.
    if (this.scope.type === "lifespan") return;
    // Not logged here: the consumer ends at its first such message, and the server (or the worker)
    // logs that error, one line per consumer at most.
    consumerDrops.report("no handler", { channel: this.channelName }, 1, error.message, false);
  }

  #afterHandler(fromLayer: boolean): void {
    this.#handlerTimed();
    if (!this.#stopRequested && this.#failure === null) {
      if (fromLayer) this.#askLayer();
      else this.#askClient();
    }
    this.#busy = false;
    this.#pump();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<void> {
  return typeof value === "object" && value !== null && typeof (value as PromiseLike<void>).then === "function";
}

reserveFrameworkNames(BaseConsumer.prototype, ["presence_diff", "presence_state"]);
