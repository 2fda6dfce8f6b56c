"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MessageQueue = void 0;
/**
 * The inbound side of one connection: events wait here until the application calls
 * `receive()`, in order. With a `limit`, the source is paused once `limit` events are unread
 * and resumed when the application has read it down to half, so a client that sends faster
 * than its application reads is held back by TCP flow control instead of filling memory.
 * Pushes are never refused: a disconnect must get through, and what arrives between the pause
 * and the socket actually stopping (the rest of one socket read) is bounded already.
 */
class MessageQueue {
    limit;
    flow;
    items = [];
    head = 0;
    // One receive waits at a time in practice: a field, and an array only for a second one.
    waiter = undefined;
    moreWaiters = undefined;
    paused = false;
    resumeAt;
    constructor(limit = Infinity, flow) {
        this.limit = limit;
        this.flow = flow;
        this.resumeAt = Math.floor(limit / 2);
        this.receive = () => this.take();
    }
    /** Events pushed and not yet read by the application. */
    get length() {
        return this.items.length - this.head;
    }
    push(event) {
        const waiter = this.waiter;
        if (waiter !== undefined) {
            this.waiter = this.moreWaiters?.shift();
            waiter(event);
            return;
        }
        this.items.push(event);
        if (!this.paused && this.length >= this.limit && this.flow !== undefined) {
            this.paused = true;
            this.flow.pause();
        }
    }
    /** Restarts a paused source and stops pausing it: the connection is closing, its close frame must be read. */
    detach() {
        this.resume();
        this.flow = undefined;
    }
    resume() {
        if (!this.paused)
            return;
        this.paused = false;
        this.flow?.resume();
    }
    /**
     * Bound so it can be handed to the application as its `receive` (assigned in the constructor:
     * a class-field arrow would carry a name property per connection under a keepNames build).
     */
    receive;
    take() {
        if (this.head < this.items.length) {
            const event = this.items[this.head];
            this.head++;
            if (this.head === this.items.length) {
                this.items.length = 0;
                this.head = 0;
            }
            if (this.paused && this.length <= this.resumeAt)
                this.resume();
            return Promise.resolve(event);
        }
        return new Promise((resolve) => {
            if (this.waiter === undefined)
                this.waiter = resolve;
            else
                (this.moreWaiters ??= []).push(resolve);
        });
    }
}
exports.MessageQueue = MessageQueue;
//# sourceMappingURL=message-queue.js.map