import type { Timers } from "@channels-ts/client";

/** Timers that fire only when a test says so, recording each delay asked for. */
export class ManualTimers implements Timers {
  readonly delays: number[] = [];
  private pending: Array<{ id: number; callback: () => void; ms: number }> = [];
  private nextId = 1;
  private scheduled: Array<() => void> = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, callback, ms });
    this.delays.push(ms);
    for (const notify of this.scheduled.splice(0)) notify();
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** How many timers wait to fire. */
  get count(): number {
    return this.pending.length;
  }

  /** Fires the oldest waiting timer (the one with delay `ms`, when given); returns its delay. */
  fire(ms?: number): number {
    const at = ms === undefined ? 0 : this.pending.findIndex((timer) => timer.ms === ms);
    const timer = this.pending[at];
    if (timer === undefined) throw new Error(`no timer${ms === undefined ? "" : ` of ${ms} ms`} to fire`);
    this.pending.splice(at, 1);
    timer.callback();
    return timer.ms;
  }

  /** Resolves when a timer is next scheduled (or at once when one waits). */
  whenScheduled(): Promise<void> {
    if (this.pending.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.scheduled.push(resolve));
  }
}
