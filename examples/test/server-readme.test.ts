import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import WebSocket from "ws";

// Runs the code in packages/server/README.md the way the README says, and checks what it says.
const repo = join(__dirname, "..", "..");
const readme = readFileSync(join(repo, "packages", "server", "README.md"), "utf8");
const tsx = require.resolve("tsx/cli");
const channelsTs = join(repo, "node_modules", ".bin", "channels-ts");
const children = new Set<ChildProcess>();
const sockets = new Set<WebSocket>();

afterEach(() => {
  for (const ws of sockets) ws.terminate();
  sockets.clear();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
});

interface Started {
  child: ChildProcess;
  output: () => string;
  waitFor: (re: RegExp) => Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
}

/** Starts a command in the repository root (where the README's commands run), with `env` added. */
function start(command: string, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(command, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let out = "";
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
  const onData = (chunk: Buffer): void => {
    out += chunk.toString();
    for (let i = waiters.length - 1; i >= 0; i--) {
      const m = out.match(waiters[i]!.re);
      if (m) waiters.splice(i, 1)[0]!.resolve(m);
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  return {
    child,
    output: () => out,
    waitFor: (re) => {
      const m = out.match(re);
      return m ? Promise.resolve(m) : new Promise((resolve) => waiters.push({ re, resolve }));
    },
    exit: new Promise((resolve) => child.once("close", (code) => resolve(code))),
  };
}

/** Opens a WebSocket, sends `text` and resolves with the first reply. */
function exchange(url: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    sockets.add(ws);
    ws.once("error", reject);
    ws.once("open", () => ws.send(text));
    ws.once("message", (data) => resolve(String(data)));
  });
}

async function get(url: string): Promise<string> {
  return (await fetch(url)).text();
}

/** The fenced block that follows `marker` in the README. */
function blockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  if (at === -1) throw new Error(`README has no ${marker}`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  if (m === null) throw new Error(`no code block after ${marker}`);
  return m[1]!;
}

test.each(["examples/server/app.ts", "examples/server/express.ts", "examples/server/routes.ts"])(
  "the README's block for %s is that file",
  (file) => {
    expect(blockAfter(`<!-- example: ${file} -->`)).toBe(readFileSync(join(repo, file), "utf8"));
  },
);

test("app.ts: `npx tsx app.ts` answers curl with hello from the path, echoes WebSocket text, logs access lines, stops on SIGTERM", async () => {
  const app = start(process.execPath, [tsx, "examples/server/app.ts"], { PORT: "0" });
  const [, port] = await app.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  expect(await get(`http://127.0.0.1:${port}/x`)).toBe("hello from /x\n");
  expect(await exchange(`ws://127.0.0.1:${port}/`, "hi")).toBe("echo: hi");
  // The access-log format the README's Logs section shows.
  await app.waitFor(/^127\.0\.0\.1:\d+ - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d\] "GET \/x" 200 14$/m);
  await app.waitFor(/^127\.0\.0\.1:\d+ - - \[[^\]]+\] "WSCONNECT \/" - -$/m);
  app.child.kill("SIGTERM");
  expect(await app.exit).toBe(0);
});

test("app.ts on a busy port prints the one line the README quotes and exits 1", async () => {
  const first = start(process.execPath, [tsx, "examples/server/app.ts"], { PORT: "0" });
  const [, port] = await first.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  const second = start(process.execPath, [tsx, "examples/server/app.ts"], { PORT: port! });
  expect(await second.exit).toBe(1);
  expect(second.output()).toBe(
    `Port ${port} on 127.0.0.1 is already in use: stop the other process or pick another port (--port / PORT=...).\n`,
  );
  first.child.kill("SIGTERM");
  expect(await first.exit).toBe(0);
});

test("express.ts: Express keeps its page, attach() serves /ws/chat/<room>/ with routes relative to /ws", async () => {
  const app = start(process.execPath, [tsx, "examples/server/express.ts"], { PORT: "0" });
  const [, port] = await app.waitFor(/Listening on http:\/\/127\.0\.0\.1:(\d+)/);
  expect(await get(`http://127.0.0.1:${port}/`)).toBe("Express page; WebSockets on /ws/chat/<room>/\n");
  expect(await exchange(`ws://127.0.0.1:${port}/ws/chat/lobby/`, "hi")).toBe("lobby: hi");
  app.child.kill("SIGTERM");
  expect(await app.exit).toBe(0);
});

test("routes.ts: `npx channels-ts serve routes.ts` serves / and the echo WebSocket, and stops on SIGTERM", async () => {
  const app = start("npx", ["channels-ts", "serve", "examples/server/routes.ts", "--port", "0"]);
  const [, port] = await app.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  expect(await get(`http://127.0.0.1:${port}/`)).toBe("hello from /\n");
  expect(await exchange(`ws://127.0.0.1:${port}/echo/`, "hi")).toBe("echo: hi");
  app.child.kill("SIGTERM"); // to npx, as `kill <pid>` does
  await app.exit; // npm's own status is npm's; "close" waits for the server too, which holds the same pipes
  expect(app.output()).toMatch(/shutting down/);
});

test("the README's `channels-ts serve --help` block is what the command prints", async () => {
  const help = start(process.execPath, [channelsTs, "serve", "--help"]);
  expect(await help.exit).toBe(0);
  expect(blockAfter("<!-- output of: npx channels-ts serve --help -->")).toBe(help.output());
});
