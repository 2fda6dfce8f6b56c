import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./markdown-snippets";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * An example run as a reader runs it (`npx tsx file.ts`), as one `node --import tsx` process so
 * that it is stopped by its own PID; resolved once a line of its output matches `ready`.
 */
export class ExampleProcess {
  output = "";
  readonly exited: Promise<Exit>;

  private constructor(
    readonly file: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  /** Starts `file` (relative to the repository root) with `env` over the current environment. */
  static start(file: string, env: Record<string, string> = {}): ExampleProcess {
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      cwd: ROOT, // tsx reads the root tsconfig's paths, which map @channels-ts/* to the sources
      env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new ExampleProcess(file, child);
  }

  /** The first group of the first output line matching `pattern`, once it is written. */
  waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(this.output);
        if (match === null) return;
        done();
        resolve(match[1] ?? match[0]);
      };
      const onExit = (): void => {
        done();
        reject(new Error(`${this.file} exited before writing ${pattern}:\n${this.output}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.file} wrote nothing matching ${pattern} within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.child.stdout?.off("data", check);
        this.child.stderr?.off("data", check);
        this.child.off("exit", onExit);
      };
      this.child.stdout?.on("data", check);
      this.child.stderr?.on("data", check);
      this.child.once("exit", onExit);
      check();
    });
  }

  /** SIGTERM, as `docker stop` or `kill <pid>` sends; SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
      const exit = await this.exited;
      clearTimeout(timer);
      return exit;
    }
    return this.exited;
  }
}
