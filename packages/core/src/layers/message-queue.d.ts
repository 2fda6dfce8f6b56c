import type { Message } from "../types";
/**
 * A FIFO of messages with their expiry deadlines: a ring buffer in two parallel arrays, so
 * push and shift are O(1) and a queued message costs no wrapper object. It starts empty (a
 * channel whose consumer keeps up never queues anything), takes `initialSize` slots at the first
 * push, grows by doubling and never shrinks (a channel's queue lives only as long as the channel).
 */
export declare class MessageQueue {
    private messages;
    private deadlines;
    private head;
    private count;
    private readonly initialSize;
    constructor(initialSize?: number);
    get length(): number;
    push(message: Message, deadline: number): void;
    /** The oldest message, or undefined when empty. */
    shift(): Message | undefined;
    /** Drops messages whose deadline is at or before `now`, oldest first; returns how many. */
    dropExpired(now: number): number;
    clear(): void;
    private grow;
}
