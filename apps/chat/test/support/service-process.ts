import { spawn, type ChildProcess } from "node:child_process";

export interface ServiceOptions {
  /** Shown in errors, so a failing test says which child misbehaved. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A line of stdout or stderr that says the service is ready; its first group is returned. */
  ready: RegExp;
  readyTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A server running as a child process that a test owns: started until a log line says it is
 * ready, stopped with SIGTERM, and killed (its whole process group, by id) if it does not exit in
 * time. The child gets its own process group because `tsx` runs the app in a grandchild process.
 */
export class ServiceProcess {
  private output = "";
  readonly exited: Promise<Exit>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  /** Starts the service and resolves with it and the ready line's first group (e.g. a port). */
  static async start(options: ServiceOptions): Promise<{ service: ServiceProcess; ready: string }> {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const service = new ServiceProcess(options.name, child);
    try {
      const ready = await service.waitForLine(options.ready, options.readyTimeoutMs ?? 15_000);
      return { service, ready };
    } catch (error) {
      await service.stop();
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Everything the child wrote so far, for failure messages. */
  get log(): string {
    return this.output;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first group of the first line (already written or to come) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const check = (): boolean => {
        const match = pattern.exec(this.output);
        if (match === null) return false;
        finish();
        resolve(match[1] ?? match[0]);
        return true;
      };
      const onData = (): void => void check();
      const onExit = (code: number | null): void => {
        finish();
        reject(new Error(`${this.name} exited (${code}) before writing ${pattern}:\n${this.output}`));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${this.name} wrote no line matching ${pattern} within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.child.stdout?.off("data", onData);
        this.child.stderr?.off("data", onData);
        this.child.off("exit", onExit);
      };
      // Listeners go after the collectors registered in the constructor, so `output` is current.
      this.child.stdout?.on("data", onData);
      this.child.stderr?.on("data", onData);
      this.child.once("exit", onExit);
      if (!check() && !this.alive) onExit(this.child.exitCode);
    });
  }

  /** SIGTERM, then SIGKILL to the process group after `graceMs`; resolves with how it exited. */
  async stop(graceMs = 5_000): Promise<Exit & { killed: boolean }> {
    if (!this.alive) return { ...(await this.exited), killed: false };
    this.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), graceMs)));
    const first = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (first !== "timeout") return { ...first, killed: false };
    this.killGroup();
    return { ...(await this.exited), killed: true };
  }

  private killGroup(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      this.child.kill("SIGKILL"); // the group is gone already; make sure the child is too
    }
  }
}
