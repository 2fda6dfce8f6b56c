import type { LayerReceiver, Message } from "@channels-ts/core";
/** What a full mailbox reports when it drops its oldest message for a newer one. */
export type OnFull = (channel: string) => void;
/**
 * This process's side of the pub/sub layer's channels: messages taken off Redis wait here for a
 * receive, and receives wait here for a message. A waiter is a `LayerReceiver` (the consumer's
 * own, reused for every wait: no promise per message) or a `receive()`'s promise wrapped as one.
 * A mailbox holds at most the channel's capacity and drops its oldest message beyond that, as
 * channels_redis's `BoundedQueue`, reporting each drop through `onFull`. A mailbox stays while its
 * channel is in use, empty or not (a consumer empties and waits on it once per message), and goes
 * when the channel is discarded or, unused, at the next `sweep`.
 */
export declare class PubSubMailboxes {
    private readonly capacityOf;
    private readonly onFull;
    private readonly boxes;
    constructor(capacityOf: (channel: string) => number, onFull: OnFull);
    /** Hand `message` to the oldest waiter on `channel`, or queue it. */
    deliver(channel: string, message: Message): void;
    /** A queued message, if any, without waiting. */
    take(channel: string): Message | undefined;
    /** True when `channel` has a mailbox: its name was checked when it got one. */
    has(channel: string): boolean;
    /** Queue `receiver` for the next message on `channel`. */
    wait(channel: string, receiver: LayerReceiver): void;
    /** Take `receiver` off `channel`'s waiters (an aborted receive); true if it was waiting. */
    cancel(channel: string, receiver: LayerReceiver): boolean;
    /** Number of pending receives on `channel`. */
    waiting(channel: string): number;
    /** Forget `channel`: drop its queue and fail its waiters with `reason`. */
    discard(channel: string, reason: unknown): void;
    /** Drop every queued message; waiters keep waiting (a flush empties channels, it does not end receivers). */
    clearQueues(): void;
    /** Fail every waiter with `reasonFor(channel)` and forget everything (the layer is closing). */
    closeAll(reasonFor: (channel: string) => unknown): void;
    /**
     * Drop mailboxes that nobody waits on and that got nothing for `idleMs`: messages that arrive
     * for a channel after it was discarded (a group send racing the discard) must not stay forever.
     */
    sweep(idleMs: number): void;
    private box;
    private dropIfIdle;
}
