import type { Receive } from "./types";

/**
 * Where a server's `receive` function says it can hand events over without a promise each: the
 * function carries its source under this key. `Symbol.for`, so that a second copy of the package
 * in one process still finds it.
 */
export const RECEIVE_SOURCE: unique symbol = Symbol.for("@channels-ts/core.receiveSource");

/**
 * The optional fast path behind a `receive` function (as the layer's `receiveInto`): a consumer
 * that finds it asks for its next event with a callback it made once, instead of a promise per
 * event. A router or middleware that passes `receive` on as it is keeps the fast path; one that
 * wraps it gives a new function without it, and the consumer uses the promise.
 */
export interface ReceiveSource<E> {
  /**
   * Hands the next event to `receiver.onReceive`, exactly once: at once (synchronously) when
   * one is waiting, else when it arrives. One receiver waits at a time, as one `receive()`
   * does; `onReceive` must not throw.
   */
  receiveInto(receiver: EventReceiver<E>): void;
}

/** What a `ReceiveSource` hands an event to: an object, so that its method can be shared. */
export interface EventReceiver<E> {
  onReceive(event: E): void;
}

/** A `receive` function that also offers its source. */
export type SourcedReceive<E> = Receive<E> & { readonly [RECEIVE_SOURCE]?: ReceiveSource<E> };

/** The fast path of `receive`, or undefined when it offers none. */
export function receiveSourceOf<E>(receive: Receive<E>): ReceiveSource<E> | undefined {
  return (receive as SourcedReceive<E>)[RECEIVE_SOURCE];
}
