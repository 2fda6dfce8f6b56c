/** What a DeadlineQueue tells when its deadline has passed. */
export interface DeadlineMember {
    deadlinePassed(): void;
}
/**
 * Deadlines that all have one duration (every handshake's `acceptTimeoutMs`), so they pass in
 * the order they were set: one timer serves them all, where a timer per connection costs a
 * timer-list insertion and removal on every handshake. `cancel` forgets a member without a
 * search (its slot is emptied). The timer is not stopped when nothing is left waiting (handshakes
 * usually end within a millisecond, and stopping it would mean a new timer for the next one): it
 * then fires once for nothing. It is unref'd, since a waiting handshake's socket keeps the
 * process alive by itself.
 */
export declare class DeadlineQueue {
    private readonly durationMs;
    private members;
    private deadlines;
    private head;
    /** The ticket of `members[0]`. */
    private base;
    private waiting;
    private timer;
    constructor(durationMs: number);
    /** Starts `member`'s deadline, `durationMs` from now; returns the ticket that cancels it. */
    add(member: DeadlineMember): number;
    /** Forgets the deadline of `ticket`; a ticket already passed or cancelled is ignored. */
    cancel(ticket: number): void;
    private forgetAll;
    private arm;
    private static fire;
}
