"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BaseConsumer = void 0;
const errors_1 = require("../errors");
const layers_1 = require("../layers");
const microtask_batch_1 = require("../util/microtask-batch");
const handler_name_1 = require("./handler-name");
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
class BaseConsumer {
    /** Alias of the channel layer in `channelLayers`; an empty string means "no layer". */
    channelLayerAlias = "default";
    scope;
    /** The layer for `channelLayerAlias`, or undefined when none is configured. */
    channelLayer;
    /** This consumer's own channel on the layer (set before the first message is dispatched). */
    channelName;
    baseSend;
    // At most one message per source waits (two in all): in two slots, oldest first, rather than
    // in arrays whose first push allocates room for 17.
    #first = undefined;
    #firstFromLayer = false;
    #second = undefined;
    #secondFromLayer = false;
    /** A handler is running (or the pump is looping): a new message only waits in a slot. */
    #busy = false;
    /** Whether the message being handled came from the layer (whose next message is asked after it). */
    #handlingLayerMessage = false;
    #pumpScheduled = false;
    #lastType = undefined;
    #lastHandlerName = "";
    #previousType = undefined;
    #previousHandlerName = "";
    #failure = null;
    #stopped = false;
    #stopRequested = false;
    // run()'s own promise, settled by #end (null before run() and after the end).
    #resolveRun = null;
    #rejectRun = null;
    #receive;
    // Callbacks bound once per consumer, not once per message; assigned in the constructor, where
    // (unlike class-field arrows under a keepNames build such as tsx's) they carry no name property.
    #onClientMessage;
    #onSourceError;
    #onHandled;
    #onHandlerError;
    // Made at the first wake-up from the layer: an idle connection never needs it.
    #runPump = undefined;
    /** What the layer's `receiveInto` hands a message to: it only queues and schedules (see there). */
    #layerReceiver;
    constructor() {
        this.#onClientMessage = (message) => this.#push(message, false);
        this.#onSourceError = (error) => {
            if (!this.#stopped)
                this.#fail(error);
        };
        this.#onHandled = () => this.#afterHandler(this.#handlingLayerMessage);
        this.#onHandlerError = (error) => {
            this.#busy = false;
            this.#end(error instanceof errors_1.StopConsumer ? undefined : error);
        };
        // Built, then given its method by assignment: an arrow in an object literal gets a name
        // property of its own (about 300 bytes per consumer) under a keepNames build such as tsx's.
        const receiver = { onLayerMessage: ignoreMessage, onLayerError: this.#onSourceError };
        receiver.onLayerMessage = (message) => {
            if (this.#stopped)
                return;
            this.#enqueue(message, true);
            if (!this.#busy && !this.#pumpScheduled) {
                this.#pumpScheduled = true;
                (0, microtask_batch_1.runInMicrotask)((this.#runPump ??= () => {
                    this.#pumpScheduled = false;
                    this.#pump();
                }));
            }
        };
        this.#layerReceiver = receiver;
    }
    /** An application that creates one instance of this consumer per scope; `init` sets its fields. */
    static asApp(init) {
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class itself, captured for the returned function
        const Consumer = this;
        // Not async: it returns run()'s promise rather than suspending one more frame per connection.
        return function consumerApplication(scope, receive, send) {
            try {
                const consumer = new Consumer();
                if (init !== undefined)
                    Object.assign(consumer, init);
                return consumer.run(scope, receive, send);
            }
            catch (error) {
                return Promise.reject(error);
            }
        };
    }
    /** Runs this instance for one scope until it stops; removes its channel and memberships after. */
    async run(scope, receive, send) {
        this.scope = scope;
        this.baseSend = send;
        this.#receive = receive;
        const layer = this.channelLayerAlias === "" ? undefined : (0, layers_1.getChannelLayer)(this.channelLayerAlias);
        this.channelLayer = layer;
        if (layer !== undefined)
            this.channelName = await layer.newChannel();
        try {
            await new Promise((resolve, reject) => {
                this.#resolveRun = resolve;
                this.#rejectRun = reject;
                if (layer !== undefined)
                    this.#askLayer();
                this.#askClient();
            });
        }
        finally {
            this.#stopped = true;
            if (layer !== undefined && this.channelName !== undefined) {
                // A consumer that ends leaves no trace: its channel and memberships go now, not at expiry.
                // Discarding also ends the pending receive (cheaper than an AbortSignal per receive).
                await layer.discardChannel(this.channelName).catch(() => undefined);
            }
        }
    }
    /**
     * Calls the handler for `message.type` (Channels' `dispatch`) and returns what it returns (its
     * promise, for an async handler): the consumer waits for that before the next message. Not
     * `async` itself, so that a message costs one promise (the handler's), not two.
     */
    dispatch(message) {
        const handlers = this;
        const type = message.type;
        // A consumer mostly alternates between a type or two (a chat: the client's frame, the group's
        // message): the last two handler names are remembered per consumer.
        let handler;
        if (type === this.#lastType)
            handler = handlers[this.#lastHandlerName];
        else if (type === this.#previousType)
            handler = handlers[this.#previousHandlerName];
        if (typeof handler !== "function") {
            const name = (0, handler_name_1.handlerNameFor)(this, type);
            handler = handlers[name];
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
    stopAfterThisMessage() {
        this.#stopRequested = true;
        if (!this.#busy)
            this.#end(undefined);
    }
    // The four layer calls below are not `async`: each returns the layer's own promise (one promise
    // per call, not two), and a missing layer is still a rejection, not a synchronous throw.
    /** Adds this consumer's channel to `group`. Rejects with `ChannelLayerMissing` without a layer. */
    groupAdd(group) {
        const layer = this.channelLayer;
        if (layer === undefined)
            return Promise.reject(new errors_1.ChannelLayerMissing(this.channelLayerAlias));
        return layer.groupAdd(group, this.channelName);
    }
    /** Removes this consumer's channel from `group`. */
    groupDiscard(group) {
        const layer = this.channelLayer;
        if (layer === undefined)
            return Promise.reject(new errors_1.ChannelLayerMissing(this.channelLayerAlias));
        return layer.groupDiscard(group, this.channelName);
    }
    /** Sends `message` to every member of `group`; typed by the consumer's declared messages. */
    groupSend(group, message) {
        const layer = this.channelLayer;
        if (layer === undefined)
            return Promise.reject(new errors_1.ChannelLayerMissing(this.channelLayerAlias));
        return layer.groupSend(group, message);
    }
    /** Sends `message` to one channel (another consumer's `channelName`, or a worker channel). */
    channelSend(channel, message) {
        const layer = this.channelLayer;
        if (layer === undefined)
            return Promise.reject(new errors_1.ChannelLayerMissing(this.channelLayerAlias));
        return layer.send(channel, message);
    }
    requireLayer() {
        if (this.channelLayer === undefined)
            throw new errors_1.ChannelLayerMissing(this.channelLayerAlias);
        return this.channelLayer;
    }
    #askClient() {
        if (this.#stopped)
            return;
        let pending;
        try {
            pending = this.#receive();
        }
        catch (error) {
            this.#onSourceError(error);
            return;
        }
        pending.then(this.#onClientMessage, this.#onSourceError);
    }
    #askLayer() {
        const layer = this.channelLayer;
        if (this.#stopped || layer === undefined)
            return;
        const channel = this.channelName;
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
                layer.receiveInto(channel, this.#layerReceiver);
                return;
            }
        }
        catch (error) {
            this.#onSourceError(error);
            return;
        }
        // A layer without either fast path: a promise per message, as the contract has it.
        layer.receive(channel).then((message) => this.#push(message, true), this.#onSourceError);
    }
    #push(message, fromLayer) {
        if (this.#stopped)
            return;
        this.#enqueue(message, fromLayer);
        this.#pump();
    }
    #enqueue(message, fromLayer) {
        if (this.#first === undefined) {
            this.#first = message;
            this.#firstFromLayer = fromLayer;
        }
        else {
            // Each source has at most one message waiting (it is asked for the next only after a
            // dispatch), so the second slot is free here.
            this.#second = message;
            this.#secondFromLayer = fromLayer;
        }
    }
    #fail(error) {
        if (this.#failure === null)
            this.#failure = { error };
        if (!this.#busy)
            this.#end(error);
    }
    /** Ends `run()`: with `error`, or cleanly when it is undefined. Later calls do nothing. */
    #end(error) {
        const resolve = this.#resolveRun;
        const reject = this.#rejectRun;
        if (resolve === null || reject === null)
            return;
        this.#resolveRun = this.#rejectRun = null;
        this.#stopped = true;
        const reason = this.#failure !== null ? this.#failure.error : error;
        if (reason === undefined)
            resolve();
        else
            reject(reason);
    }
    /**
     * Dispatches waiting messages one at a time, in arrival order. An async handler leaves the
     * consumer busy until its promise settles (#onHandled); a synchronous one is followed at once,
     * in this loop rather than by recursion.
     */
    #pump() {
        if (this.#busy || this.#resolveRun === null)
            return;
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
            let result;
            try {
                result = this.dispatch(message);
            }
            catch (error) {
                this.#busy = false;
                this.#end(error instanceof errors_1.StopConsumer ? undefined : error);
                return;
            }
            if (isPromiseLike(result)) {
                this.#handlingLayerMessage = fromLayer;
                // A foreign thenable is adopted by a real promise first: it could call back twice, or throw.
                (result instanceof Promise ? result : Promise.resolve(result)).then(this.#onHandled, this.#onHandlerError);
                return;
            }
            if (this.#stopRequested)
                continue;
            // Only now ask that source for its next message (see the class comment); a message that is
            // already waiting is pushed into the inbox, which this loop picks up.
            if (fromLayer)
                this.#askLayer();
            else
                this.#askClient();
        }
    }
    #afterHandler(fromLayer) {
        if (!this.#stopRequested && this.#failure === null) {
            if (fromLayer)
                this.#askLayer();
            else
                this.#askClient();
        }
        this.#busy = false;
        this.#pump();
    }
}
exports.BaseConsumer = BaseConsumer;
function ignoreMessage() { }
function isPromiseLike(value) {
    return typeof value === "object" && value !== null && typeof value.then === "function";
}
(0, handler_name_1.reserveFrameworkNames)(BaseConsumer.prototype);
//# sourceMappingURL=base-consumer.js.map