"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PubSubMailboxes = void 0;
/**
 * This process's side of the pub/sub layer's channels: messages taken off Redis wait here for a
 * receive, and receives wait here for a message. A waiter is a `LayerReceiver` (the consumer's
 * own, reused for every wait: no promise per message) or a `receive()`'s promise wrapped as one.
 * A mailbox holds at most the channel's capacity and drops its oldest message beyond that, as
 * channels_redis's `BoundedQueue`, reporting each drop through `onFull`. A mailbox stays while its
 * channel is in use, empty or not (a consumer empties and waits on it once per message), and goes
 * when the channel is discarded or, unused, at the next `sweep`.
 */
class PubSubMailboxes {
    capacityOf;
    onFull;
    boxes = new Map();
    constructor(capacityOf, onFull) {
        this.capacityOf = capacityOf;
        this.onFull = onFull;
    }
    /** Hand `message` to the oldest waiter on `channel`, or queue it. */
    deliver(channel, message) {
        const box = this.box(channel);
        box.touched = Date.now();
        const waiter = box.waiters.shift();
        if (waiter !== undefined) {
            waiter.onLayerMessage(message);
            return;
        }
        if (box.queue.length - box.head >= this.capacityOf(channel)) {
            box.head++;
            this.onFull(channel);
        }
        box.queue.push(message);
    }
    /** A queued message, if any, without waiting. */
    take(channel) {
        const box = this.boxes.get(channel);
        if (box === undefined || box.head === box.queue.length)
            return undefined;
        const message = box.queue[box.head];
        box.queue[box.head++] = undefined; // let it be collected
        if (box.head === box.queue.length) {
            box.queue.length = 0;
            box.head = 0;
        }
        else if (box.head > 1024 && box.head * 2 > box.queue.length) {
            box.queue.splice(0, box.head);
            box.head = 0;
        }
        return message;
    }
    /** True when `channel` has a mailbox: its name was checked when it got one. */
    has(channel) {
        return this.boxes.has(channel);
    }
    /** Queue `receiver` for the next message on `channel`. */
    wait(channel, receiver) {
        this.box(channel).waiters.push(receiver);
    }
    /** Take `receiver` off `channel`'s waiters (an aborted receive); true if it was waiting. */
    cancel(channel, receiver) {
        const box = this.boxes.get(channel);
        if (box === undefined)
            return false;
        const index = box.waiters.indexOf(receiver);
        if (index === -1)
            return false;
        box.waiters.splice(index, 1);
        this.dropIfIdle(channel, box);
        return true;
    }
    /** Number of pending receives on `channel`. */
    waiting(channel) {
        return this.boxes.get(channel)?.waiters.length ?? 0;
    }
    /** Forget `channel`: drop its queue and fail its waiters with `reason`. */
    discard(channel, reason) {
        const box = this.boxes.get(channel);
        if (box === undefined)
            return;
        this.boxes.delete(channel);
        for (const waiter of box.waiters.splice(0))
            waiter.onLayerError(reason);
    }
    /** Drop every queued message; waiters keep waiting (a flush empties channels, it does not end receivers). */
    clearQueues() {
        for (const [channel, box] of this.boxes) {
            box.queue.length = 0;
            box.head = 0;
            this.dropIfIdle(channel, box);
        }
    }
    /** Fail every waiter with `reasonFor(channel)` and forget everything (the layer is closing). */
    closeAll(reasonFor) {
        for (const channel of [...this.boxes.keys()])
            this.discard(channel, reasonFor(channel));
    }
    /**
     * Drop mailboxes that nobody waits on and that got nothing for `idleMs`: messages that arrive
     * for a channel after it was discarded (a group send racing the discard) must not stay forever.
     */
    sweep(idleMs) {
        const before = Date.now() - idleMs;
        for (const [channel, box] of this.boxes) {
            if (box.waiters.length === 0 && box.touched < before)
                this.boxes.delete(channel);
        }
    }
    box(channel) {
        let box = this.boxes.get(channel);
        if (box === undefined) {
            box = { queue: [], head: 0, waiters: [], touched: Date.now() };
            this.boxes.set(channel, box);
        }
        return box;
    }
    dropIfIdle(channel, box) {
        if (box.head === box.queue.length && box.waiters.length === 0 && this.boxes.get(channel) === box)
            this.boxes.delete(channel);
    }
}
exports.PubSubMailboxes = PubSubMailboxes;
//# sourceMappingURL=pubsub-mailboxes.js.map