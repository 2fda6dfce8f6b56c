import { spawn, type ChildProcess } from "node:child_process";

/** How a process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ProcessOptions {
  /** Shown in errors, so a failing test says which process misbehaved; the command by default. */
  name?: string;
  cwd?: string;
  /** Laid over this process's environment; a variable set to `undefined` is removed. */
  env?: Record<string, string | undefined>;
  /**
   * Its own process group, for a command that runs the real program in a grandchild (npm, npx,
   * tsx): a SIGKILL then goes to the whole group, and so can a signal sent as a terminal sends it.
   */
  detached?: boolean;
}

/**
 * A command run as a child process that a test owns: its output collected, lines awaited with a
 * bound, stopped by its PID (SIGTERM, then SIGKILL). `await using app = startProcess(...)` stops
 * it when the block ends; `useProcesses()` stops those started through it after each test (or
 * after the block).
 */
export class TestProcess implements AsyncDisposable {
  private out = "";
  private err = "";
  private both = "";
  private ended: Exit | undefined;
  private stopping: Promise<Exit & { killed: boolean }> | undefined;
  /** Resolves once the process has exited and its output is read to the end (every process holding the pipes is gone). */
  readonly exited: Promise<Exit>;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly detached: boolean,
  ) {
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => ((this.out += chunk), (this.both += chunk)));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => ((this.err += chunk), (this.both += chunk)));
    // A command that cannot start (ENOENT) still ends with "close"; its error goes into the output.
    child.once("error", (error) => (this.both += `${error.message}\n`));
    this.exited = new Promise((resolve) =>
      child.once("close", (code, signal) => {
        this.ended = { code, signal };
        resolve(this.ended);
      }),
    );
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Everything it wrote so far, stdout and stderr as they came. */
  get output(): string {
    return this.both;
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` to the process (by its PID), as `kill -<signal> <pid>` does. */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /**
   * The first match of `pattern` in the output, written already or to come. Rejects, naming the
   * pattern and the output so far, if the process ends first or nothing matches within `timeoutMs`.
   */
  waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
    const now = pattern.exec(this.both);
    if (now !== null) return Promise.resolve(now);
    const failure = (why: string): Error =>
      new Error(`${this.name} ${why} before writing ${String(pattern)}; its output:\n${this.both}`);
    if (this.ended !== undefined) return Promise.reject(failure(endedHow(this.ended)));
    return new Promise((resolve, reject) => {
      const fail = (why: string): void => {
        finish();
        reject(failure(why));
      };
      const onData = (): void => {
        const match = pattern.exec(this.both);
        if (match === null) return;
        finish();
        resolve(match);
      };
      const onClose = (code: number | null, signal: NodeJS.Signals | null): void => fail(endedHow({ code, signal }));
      const timer = setTimeout(() => fail(`wrote nothing matching for ${timeoutMs} ms`), timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.child.stdout?.off("data", onData);
        this.child.stderr?.off("data", onData);
        this.child.off("close", onClose);
      };
      // Registered after the collectors of the constructor, so `both` already holds the chunk.
      this.child.stdout?.on("data", onData);
      this.child.stderr?.on("data", onData);
      this.child.once("close", onClose);
    });
  }

  /**
   * SIGTERM, as `kill <pid>` or `docker stop` sends; SIGKILL (to the group, if detached) when it
   * has not ended within `graceMs`. Resolves with how it ended and whether it had to be killed.
   */
  stop(graceMs = 5_000): Promise<Exit & { killed: boolean }> {
    this.stopping ??= this.terminate(graceMs);
    return this.stopping;
  }

  private async terminate(graceMs: number): Promise<Exit & { killed: boolean }> {
    if (this.alive) this.child.kill("SIGTERM");
    const ended = await within(this.exited, graceMs);
    if (ended !== undefined) return { ...ended, killed: false };
    this.killAll();
    // A grandchild outside the group may hold the pipes open: stop reading them after a while.
    const killed = await within(this.exited, 2_000);
    if (killed !== undefined) return { ...killed, killed: true };
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    return { code: this.child.exitCode, signal: this.child.signalCode, killed: true };
  }

  private killAll(): void {
    if (this.detached) {
      try {
        process.kill(-this.pid, "SIGKILL");
        return;
      } catch {
        // the group is gone already; make sure the child is too
      }
    }
    if (this.alive) this.child.kill("SIGKILL");
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
    // What is left of a detached group once its leader is gone (a server npm left behind) goes too.
    if (this.detached) {
      try {
        process.kill(-this.pid, "SIGKILL");
      } catch {
        // nothing was left behind
      }
    }
  }
}

function endedHow(exit: Exit): string {
  return `ended (${exit.signal ?? `code ${exit.code}`})`;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `command` with its output piped (stdin closed); stop it with `await using` or `stop()`. */
export function startProcess(command: string, args: readonly string[], options: ProcessOptions = {}): TestProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const detached = options.detached ?? false;
  const child = spawn(command, args, { cwd: options.cwd, env, detached, stdio: ["ignore", "pipe", "pipe"] });
  return new TestProcess(options.name ?? [command, ...args].join(" "), child, detached);
}

/** The processes a block of tests starts, disposed together. */
export class TestProcesses implements AsyncDisposable {
  private readonly running = new Set<TestProcess>();

  start(command: string, args: readonly string[], options: ProcessOptions = {}): TestProcess {
    const started = startProcess(command, args, options);
    this.running.add(started);
    return started;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    const all = [...this.running];
    this.running.clear();
    await Promise.all(all.map((started) => started[Symbol.asyncDispose]()));
  }
}

/**
 * Processes started through it are stopped after each test (`"each"`) or after the enclosing
 * describe block (`"all"`). Declare it after the hooks whose teardown must come first.
 */
export function useProcesses(after: "each" | "all" = "each", timeoutMs = 20_000): TestProcesses {
  const processes = new TestProcesses();
  (after === "each" ? afterEach : afterAll)(() => processes[Symbol.asyncDispose](), timeoutMs);
  return processes;
}
