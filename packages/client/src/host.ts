/**
 * The globals the client needs that the ES2022 library does not declare; browsers and Node both
 * have them. Declared here rather than through the DOM or Node types, so that neither leaks into
 * the package's declarations.
 */
export const host = globalThis as unknown as {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  queueMicrotask(callback: () => void): void;
};

/** Throws `error` outside the current call stack, as a throwing DOM event listener is reported. */
export function throwLater(error: unknown): void {
  host.queueMicrotask(() => {
    throw error;
  });
}
