import type { ReceiveEvent } from "@channels-ts/core";
/** The source a queue can stop and restart: a WebSocket's reading from its TCP socket. */
export interface FlowControl {
    pause(): void;
    resume(): void;
}
/**
 * The inbound side of one connection: events wait here until the application calls
 * `receive()`, in order. With a `limit`, the source is paused once `limit` events are unread
 * and resumed when the application has read it down to half, so a client that sends faster
 * than its application reads is held back by TCP flow control instead of filling memory.
 * Pushes are never refused: a disconnect must get through, and what arrives between the pause
 * and the socket actually stopping (the rest of one socket read) is bounded already.
 */
export declare class MessageQueue<E extends ReceiveEvent> {
    private readonly limit;
    private flow?;
    private items;
    private head;
    private waiter;
    private moreWaiters;
    private paused;
    private readonly resumeAt;
    constructor(limit?: number, flow?: FlowControl | undefined);
    /** Events pushed and not yet read by the application. */
    get length(): number;
    push(event: E): void;
    /** Restarts a paused source and stops pausing it: the connection is closing, its close frame must be read. */
    detach(): void;
    private resume;
    /**
     * Bound so it can be handed to the application as its `receive` (assigned in the constructor:
     * a class-field arrow would carry a name property per connection under a keepNames build).
     */
    readonly receive: () => Promise<E>;
    private take;
}
