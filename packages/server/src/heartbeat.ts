/** A connection the heartbeat looks after. */
export interface HeartbeatMember {
  /** Called on every tick with the current time; pings, or drops a peer whose pong is overdue. */
  heartbeat(now: number): void;
}

/**
 * One timer for every WebSocket of a server, rather than a timer per connection: each tick
 * walks the set and lets each member decide whether to ping or to give up on its peer.
 */
export class Heartbeat {
  private readonly members = new Set<HeartbeatMember>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly tickMs: number) {}

  add(member: HeartbeatMember): void {
    if (this.tickMs <= 0) return;
    this.members.add(member);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.tickMs);
      this.timer.unref();
    }
  }

  delete(member: HeartbeatMember): void {
    this.members.delete(member);
    if (this.members.size === 0) this.stop();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Date.now();
    for (const member of this.members) member.heartbeat(now);
  }
}
