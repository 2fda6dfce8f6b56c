import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";

/** A child process (the Python peers) spoken to in JSON lines: one JSON value a line, each way. */
export class JsonLinesPeer {
  private readonly lines: string[] = [];
  private readonly waiters: Array<(line: string) => void> = [];
  private stderr = "";
  readonly exited: Promise<number | null>;

  constructor(protected readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    });
    child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.stdin.on("error", () => undefined); // a dead peer shows up as `exited`, with its stderr
    this.exited = new Promise((resolve) => child.once("exit", resolve));
  }

  /** The next line the peer printed, parsed; an error with its stderr if it exits first. */
  async next(): Promise<Record<string, unknown>> {
    const line =
      this.lines.shift() ??
      (await Promise.race([
        new Promise<string>((resolve) => this.waiters.push(resolve)),
        this.exited.then((code) => {
          throw new Error(`python exited with ${code}: ${this.stderr}`);
        }),
      ]));
    return JSON.parse(line) as Record<string, unknown>;
  }

  write(value: unknown): void {
    this.child.stdin.write(JSON.stringify(value) + "\n");
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
