"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CORK_FLUSH_BYTES = void 0;
exports.corkUntilNextTick = corkUntilNextTick;
exports.uncorkNow = uncorkNow;
/**
 * Writes to one socket within one tick leave in one `writev`: the first write of a tick corks the
 * socket and a single `process.nextTick` uncorks every socket corked in that tick. A group send
 * delivers to each member in the microtasks of one tick, so a member that gets several messages
 * in a tick costs one system call instead of one per frame (uWebSockets' corking). The tick runs
 * after the current microtasks drain, so nothing waits longer than the work already queued.
 */
let corked = [];
function uncorkAll() {
    const sockets = corked;
    corked = [];
    // A socket destroyed meanwhile ignores uncork; its buffered writes were going nowhere anyway.
    for (const socket of sockets)
        socket.uncork();
}
/** Corks `socket` until the end of this tick, unless this tick already did. */
function corkUntilNextTick(socket) {
    // `writableCorked` is 0 between writes unless this tick corked it: `ws` uncorks its own nested cork.
    if (socket.writableCorked !== 0)
        return;
    socket.cork();
    if (corked.length === 0)
        process.nextTick(uncorkAll);
    corked.push(socket);
}
/** Past this many bytes held by a tick's cork, the socket is flushed at once (a burst gains nothing from waiting). */
exports.CORK_FLUSH_BYTES = 64 * 1024;
/**
 * Releases this tick's cork on `socket` now (it stays in the list; uncorking again at the end of
 * the tick is a no-op, and a later write in the tick corks it afresh).
 */
function uncorkNow(socket) {
    if (socket.writableCorked !== 0)
        socket.uncork();
}
//# sourceMappingURL=write-coalescer.js.map