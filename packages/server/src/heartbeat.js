"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Heartbeat = void 0;
/**
 * One timer for every WebSocket of a server, rather than a timer per connection: each tick
 * walks the set and lets each member decide whether to ping or to give up on its peer.
 */
class Heartbeat {
    tickMs;
    members = new Set();
    timer;
    constructor(tickMs) {
        this.tickMs = tickMs;
    }
    add(member) {
        if (this.tickMs <= 0)
            return;
        this.members.add(member);
        if (this.timer === undefined) {
            this.timer = setInterval(() => this.tick(), this.tickMs);
            this.timer.unref();
        }
    }
    delete(member) {
        this.members.delete(member);
        if (this.members.size === 0)
            this.stop();
    }
    stop() {
        if (this.timer !== undefined)
            clearInterval(this.timer);
        this.timer = undefined;
    }
    tick() {
        const now = Date.now();
        for (const member of this.members)
            member.heartbeat(now);
    }
}
exports.Heartbeat = Heartbeat;
//# sourceMappingURL=heartbeat.js.map