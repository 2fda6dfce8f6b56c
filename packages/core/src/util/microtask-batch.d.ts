/** Runs `callback` in this batch's microtask, scheduling one if none is pending. */
export declare function runInMicrotask(callback: () => void): void;
