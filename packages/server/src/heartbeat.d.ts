/** A connection the heartbeat looks after. */
export interface HeartbeatMember {
    /** Called on every tick with the current time; pings, or drops a peer whose pong is overdue. */
    heartbeat(now: number): void;
}
/**
 * One timer for every WebSocket of a server, rather than a timer per connection: each tick
 * walks the set and lets each member decide whether to ping or to give up on its peer.
 */
export declare class Heartbeat {
    private readonly tickMs;
    private readonly members;
    private timer;
    constructor(tickMs: number);
    add(member: HeartbeatMember): void;
    delete(member: HeartbeatMember): void;
    stop(): void;
    private tick;
}
