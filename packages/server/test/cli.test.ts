import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { closed, fetchText, nextFrame, WsClients } from "@channels-ts/test-fixtures";

const bin = join(__dirname, "..", "bin", "channels-ts.js");
const fixture = join(__dirname, "fixtures", "cli-app.ts");
let child: ChildProcess | undefined;

afterEach(() => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
});

/** Collects a child's stdout and resolves `waitFor` when a line matches. */
function watch(proc: ChildProcess): { output: () => string; waitFor: (re: RegExp) => Promise<RegExpMatchArray> } {
  let out = "";
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
  proc.stdout!.setEncoding("utf8");
  proc.stdout!.on("data", (chunk: string) => {
    out += chunk;
    for (let i = waiters.length - 1; i >= 0; i--) {
      const m = out.match(waiters[i]!.re);
      if (m) waiters.splice(i, 1)[0]!.resolve(m);
    }
  });
  return {
    output: () => out,
    waitFor: (re) => {
      const m = out.match(re);
      return m ? Promise.resolve(m) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

test("channels-ts serve runs a .ts module, logs its port and access lines, and exits 0 on SIGTERM after a graceful close", async () => {
  using clients = new WsClients();
  child = spawn(process.execPath, [bin, "serve", `${fixture}:application`, "--host", "127.0.0.1", "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
  const out = watch(child);
  const [, port] = await out.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);

  const reply = await fetchText(`http://127.0.0.1:${port}/hello`);
  expect(reply.body).toBe("cli /hello");
  await out.waitFor(/"GET \/hello" 200 10/);

  const ws = await clients.open(`ws://127.0.0.1:${port}/ws/`);
  const echoed = nextFrame(ws);
  ws.send("hi");
  expect(await echoed).toBe("echo:hi");
  const wsClosed = closed(ws);

  child.kill("SIGTERM");
  expect((await wsClosed).code).toBe(1001);
  expect(await exited).toBe(0);
  expect(out.output()).toContain("disconnect 1001");
  expect(out.output()).toContain("lifespan shutdown");
  expect(stderr.join("")).toBe("");
});

test("channels-ts serve explains a missing export and exits 1", async () => {
  child = spawn(process.execPath, [bin, "serve", `${fixture}:nothing`, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child!.once("exit", (c) => resolve(c)));
  expect(code).toBe(1);
  expect(stderr).toContain('no "nothing" export');
  expect(stderr).toContain("it exports: application");
});

test("channels-ts worker runs the module's application on its channels and exits 0 on SIGTERM", async () => {
  const workerFixture = join(__dirname, "fixtures", "worker-app.ts");
  child = spawn(process.execPath, [bin, "worker", workerFixture, "thumbnails"], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
  const out = watch(child);
  await out.waitFor(/worker thumbnails got thumbnail\.make 2/);
  expect(out.output()).toContain("worker thumbnails got thumbnail.make 1\nworker thumbnails got thumbnail.make 2");
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
