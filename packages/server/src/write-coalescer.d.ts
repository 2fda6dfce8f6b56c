import type { Duplex } from "node:stream";
/** Corks `socket` until the end of this tick, unless this tick already did. */
export declare function corkUntilNextTick(socket: Duplex): void;
/** Past this many bytes held by a tick's cork, the socket is flushed at once (a burst gains nothing from waiting). */
export declare const CORK_FLUSH_BYTES: number;
/**
 * Releases this tick's cork on `socket` now (it stays in the list; uncorking again at the end of
 * the tick is a no-op, and a later write in the tick corks it afresh).
 */
export declare function uncorkNow(socket: Duplex): void;
