import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Absolute path of `redis-server` on PATH, or undefined. */
export const REDIS_SERVER = findOnPath("redis-server");

/** `describe`, or `describe.skip` with a warning naming why, when redis-server is missing. */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_SERVER === undefined) {
    process.stderr.write(
      `!!! SKIPPED "${name}": redis-server is not on PATH (Debian: apt-get install redis-server).\n`,
    ); // Jest hides console output of all-skipped files
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

/** A redis-server child on 127.0.0.1 that a test owns: no persistence, stopped in afterAll. */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Start on a free port (retrying if another process takes it first). */
  static async start(): Promise<RedisServer> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const server = new RedisServer(await freePort());
      try {
        await server.restart();
        return server;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  /** (Re)start on the same port, with no data (nothing is ever saved). */
  restart(): Promise<void> {
    if (REDIS_SERVER === undefined) return Promise.reject(new Error("redis-server is not on PATH"));
    const args = [
      "--port",
      String(this.port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      tmpdir(),
    ];
    const child = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    return new Promise<void>((resolve, reject) => {
      let log = "";
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        if (log.includes("Ready to accept connections")) {
          child.stdout?.off("data", onData);
          child.stdout?.resume();
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.resume();
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${log}`)));
    });
  }

  /** Stop the server (SIGTERM) and wait for the process to exit. */
  stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** A Python interpreter that can import channels_redis (PYTHON, python3, then Debian's), or undefined. */
export const PYTHON = [process.env.PYTHON, "python3", "/usr/bin/python3"].find(
  (candidate) =>
    candidate !== undefined &&
    spawnSync(candidate, ["-c", "import channels_redis, channels"], { stdio: "ignore" }).status === 0,
);
