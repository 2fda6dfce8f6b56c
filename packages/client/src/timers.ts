import { host } from "./host.js";

/** Timers the client uses for backoff and request deadlines; inject fakes in tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The global timers, looked up when called so that test fakes installed later still apply. */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => host.setTimeout(callback, ms),
  clearTimeout: (handle) => host.clearTimeout(handle),
};
