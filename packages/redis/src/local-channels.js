"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LocalChannels = void 0;
/**
 * This process's side of its channels: messages already taken off Redis wait here for a
 * `receive()`, and pending receives wait here for a message. A mailbox holds at most the
 * channel's capacity and drops its oldest message beyond that, as channels_redis's
 * `BoundedQueue`, so a consumer that stopped reading cannot grow memory without bound; unlike
 * Python, every such drop is reported (`onDrop`), as is a mailbox swept with messages unread.
 */
class LocalChannels {
    capacityOf;
    onDrop;
    boxes = new Map();
    waiterCount = 0;
    constructor(capacityOf, onDrop = () => undefined) {
        this.capacityOf = capacityOf;
        this.onDrop = onDrop;
    }
    /** Pending receives on every channel: the process queue is popped only while this is above 0. */
    get totalWaiting() {
        return this.waiterCount;
    }
    /** Hand `message` to the oldest waiter on `channel`, or queue it. */
    deliver(channel, message) {
        const box = this.box(channel);
        box.touched = Date.now();
        const waiter = box.waiters.shift();
        if (waiter !== undefined) {
            this.waiterCount--;
            settle(waiter);
            // The mailbox stays (its consumer waits again at once); sweep() drops it once idle.
            waiter.receiver.onLayerMessage(message);
            return;
        }
        if (box.queue.length >= this.capacityOf(channel)) {
            box.queue.shift();
            this.onDrop("channel full", channel, 1);
        }
        box.queue.push(message);
    }
    /** A queued message, if any, without waiting. */
    take(channel) {
        const box = this.boxes.get(channel);
        return box?.queue.shift();
    }
    /** Whether this process has a mailbox for `channel` (so its name was validated already). */
    has(channel) {
        return this.boxes.has(channel);
    }
    /** Wait for the next message on `channel`; `onSettle` runs once however the wait ends. */
    wait(channel, signal, onSettle) {
        return new Promise((resolve, reject) => {
            const receiver = onSettle === undefined
                ? { onLayerMessage: resolve, onLayerError: reject }
                : {
                    onLayerMessage: (message) => {
                        onSettle();
                        resolve(message);
                    },
                    onLayerError: (reason) => {
                        onSettle();
                        reject(reason);
                    },
                };
            this.waitInto(channel, receiver, signal);
        });
    }
    /** Hand the next message on `channel` to `receiver` (exactly one of its methods is called, once). */
    waitInto(channel, receiver, signal) {
        const box = this.box(channel);
        const waiter = { receiver, signal, onAbort: undefined };
        if (signal !== undefined) {
            waiter.onAbort = () => {
                const index = box.waiters.indexOf(waiter);
                if (index !== -1) {
                    box.waiters.splice(index, 1);
                    this.waiterCount--;
                }
                this.dropIfIdle(channel, box);
                receiver.onLayerError(signal.reason);
            };
            signal.addEventListener("abort", waiter.onAbort, { once: true });
        }
        box.waiters.push(waiter);
        this.waiterCount++;
    }
    /** Messages waiting in `channel`'s mailbox. */
    queued(channel) {
        return this.boxes.get(channel)?.queue.length ?? 0;
    }
    /** Number of pending receives on `channel`. */
    waiting(channel) {
        return this.boxes.get(channel)?.waiters.length ?? 0;
    }
    /** Forget `channel`: drop its queue and reject its waiters with `reason`. */
    discard(channel, reason) {
        const box = this.boxes.get(channel);
        if (box === undefined)
            return;
        this.boxes.delete(channel);
        this.waiterCount -= box.waiters.length;
        for (const waiter of box.waiters.splice(0)) {
            settle(waiter);
            waiter.receiver.onLayerError(reason);
        }
    }
    /** Drop every queued message; waiters keep waiting (a flush empties channels, it does not end receivers). */
    clearQueues() {
        for (const [channel, box] of this.boxes) {
            box.queue.length = 0;
            this.dropIfIdle(channel, box);
        }
    }
    /** Reject every waiter with `reasonFor(channel)` and forget everything (the layer is closing). */
    closeAll(reasonFor) {
        for (const channel of [...this.boxes.keys()])
            this.discard(channel, reasonFor(channel));
    }
    /**
     * Drop mailboxes that nobody waits on and that got nothing for `idleMs`: messages that arrive
     * for a channel after it was discarded (a group send racing the discard) must not stay forever.
     * What such a mailbox still held is reported as expired.
     */
    sweep(idleMs) {
        const before = Date.now() - idleMs;
        for (const [channel, box] of this.boxes) {
            if (box.waiters.length === 0 && box.touched < before) {
                this.boxes.delete(channel);
                if (box.queue.length > 0)
                    this.onDrop("expired", channel, box.queue.length);
            }
        }
    }
    box(channel) {
        let box = this.boxes.get(channel);
        if (box === undefined) {
            box = { queue: [], waiters: [], touched: Date.now() };
            this.boxes.set(channel, box);
        }
        return box;
    }
    dropIfIdle(channel, box) {
        if (box.queue.length === 0 && box.waiters.length === 0 && this.boxes.get(channel) === box)
            this.boxes.delete(channel);
    }
}
exports.LocalChannels = LocalChannels;
function settle(waiter) {
    if (waiter.signal !== undefined && waiter.onAbort !== undefined)
        waiter.signal.removeEventListener("abort", waiter.onAbort);
}
//# sourceMappingURL=local-channels.js.map