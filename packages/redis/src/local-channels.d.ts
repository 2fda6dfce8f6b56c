import type { LayerReceiver, Message } from "@channels-ts/core";
/** How LocalChannels tells the layer about messages it throws away (the layer counts and reports them). */
export type LocalDropReporter = (reason: "channel full" | "expired", channel: string, count: number) => void;
/**
 * This process's side of its channels: messages already taken off Redis wait here for a
 * `receive()`, and pending receives wait here for a message. A mailbox holds at most the
 * channel's capacity and drops its oldest message beyond that, as channels_redis's
 * `BoundedQueue`, so a consumer that stopped reading cannot grow memory without bound; unlike
 * Python, every such drop is reported (`onDrop`), as is a mailbox swept with messages unread.
 */
export declare class LocalChannels {
    private readonly capacityOf;
    private readonly onDrop;
    private readonly boxes;
    private waiterCount;
    constructor(capacityOf: (channel: string) => number, onDrop?: LocalDropReporter);
    /** Pending receives on every channel: the process queue is popped only while this is above 0. */
    get totalWaiting(): number;
    /** Hand `message` to the oldest waiter on `channel`, or queue it. */
    deliver(channel: string, message: Message): void;
    /** A queued message, if any, without waiting. */
    take(channel: string): Message | undefined;
    /** Whether this process has a mailbox for `channel` (so its name was validated already). */
    has(channel: string): boolean;
    /** Wait for the next message on `channel`; `onSettle` runs once however the wait ends. */
    wait(channel: string, signal: AbortSignal | undefined, onSettle?: () => void): Promise<Message>;
    /** Hand the next message on `channel` to `receiver` (exactly one of its methods is called, once). */
    waitInto(channel: string, receiver: LayerReceiver, signal?: AbortSignal): void;
    /** Messages waiting in `channel`'s mailbox. */
    queued(channel: string): number;
    /** Number of pending receives on `channel`. */
    waiting(channel: string): number;
    /** Forget `channel`: drop its queue and reject its waiters with `reason`. */
    discard(channel: string, reason: unknown): void;
    /** Drop every queued message; waiters keep waiting (a flush empties channels, it does not end receivers). */
    clearQueues(): void;
    /** Reject every waiter with `reasonFor(channel)` and forget everything (the layer is closing). */
    closeAll(reasonFor: (channel: string) => unknown): void;
    /**
     * Drop mailboxes that nobody waits on and that got nothing for `idleMs`: messages that arrive
     * for a channel after it was discarded (a group send racing the discard) must not stay forever.
     * What such a mailbox still held is reported as expired.
     */
    sweep(idleMs: number): void;
    private box;
    private dropIfIdle;
}
