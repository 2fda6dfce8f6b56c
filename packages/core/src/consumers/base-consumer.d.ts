import type { ChannelLayer } from "../layers/channel-layer";
import type { Application, Message, Receive, Scope, Send } from "../types";
import type { AnyMessages, MessageMap, MessageOf } from "./typed-messages";
/** What `asApp` needs of a consumer class: a no-argument constructor and `run`. */
export interface RunnableConsumer {
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
export declare class BaseConsumer<M extends MessageMap = AnyMessages, S extends Scope = Scope> {
    #private;
    /** Alias of the channel layer in `channelLayers`; an empty string means "no layer". */
    channelLayerAlias: string;
    scope: S;
    /** The layer for `channelLayerAlias`, or undefined when none is configured. */
    channelLayer: ChannelLayer | undefined;
    /** This consumer's own channel on the layer (set before the first message is dispatched). */
    channelName: string | undefined;
    protected baseSend: Send;
    constructor();
    /** An application that creates one instance of this consumer per scope; `init` sets its fields. */
    static asApp<C extends RunnableConsumer>(this: new () => C, init?: Partial<C>): Application;
    /** Runs this instance for one scope until it stops; removes its channel and memberships after. */
    run(scope: S, receive: Receive, send: Send): Promise<void>;
    /**
     * Calls the handler for `message.type` (Channels' `dispatch`) and returns what it returns (its
     * promise, for an async handler): the consumer waits for that before the next message. Not
     * `async` itself, so that a message costs one promise (the handler's), not two.
     */
    dispatch(message: Message): Promise<void> | void;
    /**
     * Ends the consumer as if a handler threw StopConsumer: after the handler now running returns,
     * or at once when none is running (e.g. a final body chunk sent from a timer).
     */
    protected stopAfterThisMessage(): void;
    /** Adds this consumer's channel to `group`. Rejects with `ChannelLayerMissing` without a layer. */
    groupAdd(group: string): Promise<void>;
    /** Removes this consumer's channel from `group`. */
    groupDiscard(group: string): Promise<void>;
    /** Sends `message` to every member of `group`; typed by the consumer's declared messages. */
    groupSend(group: string, message: MessageOf<M>): Promise<void>;
    /** Sends `message` to one channel (another consumer's `channelName`, or a worker channel). */
    channelSend(channel: string, message: MessageOf<M>): Promise<void>;
    protected requireLayer(): ChannelLayer;
}
