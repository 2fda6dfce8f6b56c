/**
 * The processes a bench run starts (servers, redis-server, the load generator), each stopped by
 * its PID: SIGTERM, then SIGKILL if it has not exited in time. `stopAll` also runs on SIGINT,
 * SIGTERM and on error, so a run never leaves a listener behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

const running = new Set<ChildProcess>();
const everStarted: ChildProcess[] = [];

/** The PIDs of every process this run started that has not exited (should be none at the end). */
export function stillRunning(): number[] {
  return everStarted
    .filter((child) => child.exitCode === null && child.signalCode === null && child.pid !== undefined)
    .map((child) => child.pid!);
}

export interface Started {
  child: ChildProcess;
  pid: number;
  /** The first capture group of `ready` (the port, for a server). */
  ready: string;
}

export interface StartSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Matched against stdout and stderr; its first group is returned. */
  ready: RegExp;
  timeoutMs?: number;
}

/** Spawns `spec` and resolves once its output matches `ready`; rejects (and stops it) otherwise. */
export function startProcess(spec: StartSpec): Promise<Started> {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  everStarted.push(child);
  child.once("exit", () => running.delete(child));
  return new Promise<Started>((resolve, reject) => {
    let output = "";
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopProcess(child);
      reject(new Error(`${spec.name}: ${why}\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`not ready in ${spec.timeoutMs ?? 30_000} ms`), spec.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      // Keep reading after ready (a full pipe would stall the server), but keep only the tail.
      output = (output + chunk.toString()).slice(-8000);
      const match = settled ? null : spec.ready.exec(output);
      if (match !== null && child.pid !== undefined) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, pid: child.pid, ready: match[1] ?? "" });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) => fail(String(error)));
    child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before ready`));
  });
}

/** SIGTERM by PID, SIGKILL after `graceMs`; resolves once the process has exited. */
export function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, graceMs);
    const hard = setTimeout(resolve, graceMs + 2000); // bounded even if no exit event comes
    child.once("exit", () => {
      clearTimeout(kill);
      clearTimeout(hard);
      resolve();
    });
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      clearTimeout(kill);
      clearTimeout(hard);
      resolve();
    }
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

/** Runs a command to completion within `timeoutMs` (stopped by PID when over); resolves with its stdout. */
export function runToEnd(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  everStarted.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise<string>((resolve) => {
    const timer = setTimeout(() => void stopProcess(child, 1000), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      running.delete(child);
      resolve(stdout.trim() === "" ? JSON.stringify({ error: `no output; stderr: ${stderr.trim()}` }) : stdout);
    });
  });
}

/** A port free on 127.0.0.1 now (for redis-server, which cannot take port 0). */
export function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let stopping = false;
/** Stops every process on SIGINT/SIGTERM, then exits with 130/143. */
export function stopAllOnSignals(): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`bench: ${signal}: stopping ${running.size} process(es)`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}
