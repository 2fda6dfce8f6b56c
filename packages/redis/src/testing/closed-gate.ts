/** What a fake transport's operations wait on while its simulated connection is down. */
export interface ClosedGate {
  promise: Promise<void>;
  open(): void;
  fail(error: Error): void;
}

/** A gate that is shut until `open()` (or fails with `fail()`); a failure nobody awaits is not unhandled. */
export function closedGate(): ClosedGate {
  let open = (): void => undefined;
  let fail = (_error: Error): void => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  promise.catch(() => undefined);
  return { promise, open, fail };
}
