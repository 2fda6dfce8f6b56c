/** Called with the seconds one consumer handler took (sync, or until its promise settled). */
export type HandlerDurationListener = (seconds: number) => void;

/**
 * The consumers' handler clock, off until someone listens (the server's metrics): a consumer
 * reads `enabled` once per message and, only when it is set, the clock twice (performance.now(),
 * which allocates nothing). One hook for the process, as `drops`.
 */
class HandlerTiming {
  enabled = false;
  private listeners: readonly HandlerDurationListener[] = [];

  /** Calls `listener` with every handler's duration from now on; returns the function that stops it. */
  onHandlerDuration(listener: HandlerDurationListener): () => void {
    if (typeof listener !== "function") {
      throw new TypeError(`onHandlerDuration(listener): listener must be a function, got ${typeof listener}.`);
    }
    this.listeners = [...this.listeners, listener];
    this.enabled = true;
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      this.enabled = this.listeners.length > 0;
    };
  }

  /** A handler that started at `startedAt` (performance.now()) has just finished. */
  finished(startedAt: number): void {
    const seconds = (performance.now() - startedAt) / 1000;
    for (const listener of this.listeners) {
      try {
        listener(seconds);
      } catch {
        // A metrics listener must never end a consumer.
      }
    }
  }
}

export const handlerTiming = new HandlerTiming();

/** Subscribes to the duration of every consumer handler in the process (see HandlerTiming). */
export function onHandlerDuration(listener: HandlerDurationListener): () => void {
  return handlerTiming.onHandlerDuration(listener);
}
