import type { Duplex } from "node:stream";

/**
 * Writes to one socket within one tick leave in one `writev`: the first write of a tick corks the
 * socket and a single `process.nextTick` uncorks every socket corked in that tick. A group send
 * delivers to each member in the microtasks of one tick, so a member that gets several messages
 * in a tick costs one system call instead of one per frame (uWebSockets' corking). The tick runs
 * after the current microtasks drain, so nothing waits longer than the work already queued.
 */
let corked: Duplex[] = [];

function uncorkAll(): void {
  const sockets = corked;
  corked = [];
  // A socket destroyed meanwhile ignores uncork; its buffered writes were going nowhere anyway.
  for (const socket of sockets) socket.uncork();
}

/** Corks `socket` until the end of this tick, unless this tick already did. */
export function corkUntilNextTick(socket: Duplex): void {
  // `writableCorked` is 0 between writes unless this tick corked it: `ws` uncorks its own nested cork.
  if (socket.writableCorked !== 0) return;
  socket.cork();
  if (corked.length === 0) process.nextTick(uncorkAll);
  corked.push(socket);
}
