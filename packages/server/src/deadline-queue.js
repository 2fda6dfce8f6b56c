"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeadlineQueue = void 0;
/** Slots the head may leave behind before the arrays are cut down to what is still waiting. */
const COMPACT_AT = 1024;
/**
 * Deadlines that all have one duration (every handshake's `acceptTimeoutMs`), so they pass in
 * the order they were set: one timer serves them all, where a timer per connection costs a
 * timer-list insertion and removal on every handshake. `cancel` forgets a member without a
 * search (its slot is emptied). The timer is not stopped when nothing is left waiting (handshakes
 * usually end within a millisecond, and stopping it would mean a new timer for the next one): it
 * then fires once for nothing. It is unref'd, since a waiting handshake's socket keeps the
 * process alive by itself.
 */
class DeadlineQueue {
    durationMs;
    members = [];
    deadlines = [];
    head = 0;
    /** The ticket of `members[0]`. */
    base = 0;
    waiting = 0;
    timer;
    constructor(durationMs) {
        this.durationMs = durationMs;
    }
    /** Starts `member`'s deadline, `durationMs` from now; returns the ticket that cancels it. */
    add(member) {
        const ticket = this.base + this.members.length;
        this.members.push(member);
        this.deadlines.push(performance.now() + this.durationMs);
        this.waiting++;
        if (this.timer === undefined)
            this.arm();
        return ticket;
    }
    /** Forgets the deadline of `ticket`; a ticket already passed or cancelled is ignored. */
    cancel(ticket) {
        const index = ticket - this.base;
        if (index < this.head || index >= this.members.length || this.members[index] === undefined)
            return;
        this.members[index] = undefined;
        if (--this.waiting === 0)
            this.forgetAll();
    }
    forgetAll() {
        this.base += this.members.length;
        this.members = [];
        this.deadlines = [];
        this.head = 0;
    }
    arm() {
        while (this.head < this.members.length && this.members[this.head] === undefined)
            this.head++;
        if (this.head >= COMPACT_AT && this.head * 2 >= this.members.length) {
            this.members = this.members.slice(this.head);
            this.deadlines = this.deadlines.slice(this.head);
            this.base += this.head;
            this.head = 0;
        }
        if (this.head === this.members.length)
            return;
        // performance.now(), not Date.now(): a wall-clock step must not refuse or prolong handshakes.
        const delay = Math.max(0, Math.ceil(this.deadlines[this.head] - performance.now()));
        this.timer = setTimeout(DeadlineQueue.fire, delay, this);
        this.timer.unref();
    }
    static fire(queue) {
        queue.timer = undefined;
        const now = performance.now();
        try {
            while (queue.head < queue.members.length && queue.deadlines[queue.head] <= now) {
                const member = queue.members[queue.head];
                queue.members[queue.head] = undefined;
                queue.head++;
                if (member !== undefined) {
                    queue.waiting--;
                    member.deadlinePassed();
                }
            }
        }
        finally {
            if (queue.waiting === 0)
                queue.forgetAll();
            else if (queue.timer === undefined)
                queue.arm();
        }
    }
}
exports.DeadlineQueue = DeadlineQueue;
//# sourceMappingURL=deadline-queue.js.map