import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** A command run as a real child process, with its output collected and awaitable. */
export interface Child {
  readonly process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `re` in stdout + stderr, as soon as it appears. */
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  /** Resolves once the process has exited and its output pipes are closed (every process holding them is gone). */
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Child {
  const proc = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  running.add(proc);
  let out = "";
  let err = "";
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
  const check = (): void => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const m = (out + err).match(waiters[i]!.re);
      if (m) waiters.splice(i, 1)[0]!.resolve(m);
    }
  };
  proc.stdout!.setEncoding("utf8").on("data", (chunk: string) => ((out += chunk), check()));
  proc.stderr!.setEncoding("utf8").on("data", (chunk: string) => ((err += chunk), check()));
  // "close" waits for the pipes too, so a grandchild that keeps them open is waited for as well.
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("close", (code, signal) => {
      running.delete(proc);
      resolve({ code, signal });
    }),
  );
  return {
    process: proc,
    stdout: () => out,
    stderr: () => err,
    waitFor: (re) => {
      const m = (out + err).match(re);
      return m ? Promise.resolve(m) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
    done,
  };
}

/** For afterEach: kills every child still running (by its PID). */
export function killChildren(): void {
  for (const proc of running) if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
  running.clear();
}
