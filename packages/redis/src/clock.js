"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scoreNow = scoreNow;
let last = 0;
/**
 * Unix time in float seconds, as Python's `time.time()` (channels_redis scores and expires by it),
 * but strictly increasing within the process: queues are sorted sets ordered by score, and two
 * sends in the same millisecond must not be reordered by their random prefixes.
 */
function scoreNow() {
    let now = Date.now() / 1000;
    if (now <= last)
        now = last + 0.000001;
    last = now;
    return now;
}
//# sourceMappingURL=clock.js.map