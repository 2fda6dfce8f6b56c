"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MembershipRefresher = void 0;
/**
 * Runs `refresh` every `intervalMs` on an unref'd timer (it never keeps a process alive), started
 * with the first membership and stopped with the layer. Errors go to `onError`: a refresh that
 * fails (Redis down) is retried by the next tick and by the reconnect restore.
 */
class MembershipRefresher {
    intervalMs;
    refresh;
    onError;
    timer;
    running = false;
    constructor(intervalMs, refresh, onError) {
        this.intervalMs = intervalMs;
        this.refresh = refresh;
        this.onError = onError;
    }
    start() {
        if (this.timer !== undefined || !(this.intervalMs > 0))
            return;
        this.timer = setInterval(() => this.tick(), this.intervalMs);
        this.timer.unref();
    }
    stop() {
        if (this.timer !== undefined)
            clearInterval(this.timer);
        this.timer = undefined;
    }
    tick() {
        if (this.running)
            return;
        this.running = true;
        this.refresh()
            .catch(this.onError)
            .finally(() => {
            this.running = false;
        });
    }
}
exports.MembershipRefresher = MembershipRefresher;
//# sourceMappingURL=membership-refresher.js.map