/** A command to a hung host got no answer in time (the connection is open, nothing comes back). */
export class NoAnswer extends Error {
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${ms} ms (operationTimeoutMs): the host may be hung`);
    this.name = "NoAnswer";
  }
}

/**
 * `promise`, or a `NoAnswer` rejection after `ms`. A stopped or partitioned Redis keeps its TCP
 * connections open and answers nothing, so a command to it stays pending forever; whatever awaits
 * it (a reconciliation, a slot-map refresh) must give up and move on instead.
 */
export function withAnswerDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
