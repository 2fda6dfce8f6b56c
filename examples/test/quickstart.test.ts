import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";
import WebSocket from "ws";

const ROOT = join(__dirname, "..", "..");
const APP = join(ROOT, "examples", "quickstart", "app.ts");

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the quickstart the way the README does (through tsx), with `env` added. */
function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ["--import", "tsx", APP], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, "tsconfig.json"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The URL the quickstart prints once it listens. */
async function listeningUrl(started: Run): Promise<string> {
  const pattern = /quickstart: open (http:\/\/\S+)\/ in two tabs/;
  for (;;) {
    const match = pattern.exec(started.output());
    if (match?.[1] !== undefined) return match[1];
    const next = await Promise.race([once(started.child.stdout!, "data"), started.exited.then(() => "exited")]);
    if (next === "exited") throw new Error(`the quickstart exited before listening:\n${started.output()}`);
  }
}

/** A WebSocket client that keeps every text frame it gets. */
async function joinRoom(url: string): Promise<{ ws: WebSocket; next: () => Promise<string> }> {
  const ws = new WebSocket(url);
  const frames: string[] = [];
  const waiting: Array<(text: string) => void> = [];
  ws.on("message", (data: Buffer) => {
    const text = data.toString();
    const waiter = waiting.shift();
    if (waiter === undefined) frames.push(text);
    else waiter(text);
  });
  await once(ws, "open");
  const next = (): Promise<string> => {
    const text = frames.shift();
    return text !== undefined ? Promise.resolve(text) : new Promise((resolve) => waiting.push(resolve));
  };
  return { ws, next };
}

describe("the README quickstart (examples/quickstart/app.ts)", () => {
  let app: Run;
  let url: string;

  beforeAll(async () => {
    app = run({ PORT: "0", HOST: "127.0.0.1" });
    url = await listeningUrl(app);
  }, 20_000);

  afterAll(async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
  });

  it("reads PORT and HOST and prints where it listens", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:8000$/);
  });

  it("answers GET / with the chat page, and other paths with 404", async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("new WebSocket(");
    const missing = await fetch(`${url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Not found\n");
  });

  it("sends every message to everyone in the room, and to no other room", async () => {
    const wsUrl = url.replace(/^http/, "ws");
    const [alice, bob, carol] = await Promise.all([
      joinRoom(`${wsUrl}/chat/lobby/`),
      joinRoom(`${wsUrl}/chat/lobby/`),
      joinRoom(`${wsUrl}/chat/other/`),
    ]);
    try {
      alice.ws.send("hello");
      await expect(alice.next()).resolves.toBe("hello");
      await expect(bob.next()).resolves.toBe("hello");
      carol.ws.send("elsewhere");
      await expect(carol.next()).resolves.toBe("elsewhere");
      // Had a lobby message reached Carol, or hers the lobby, it would have been the next frame.
      bob.ws.send("again");
      await expect(alice.next()).resolves.toBe("again");
    } finally {
      await Promise.all(
        [alice, bob, carol].map(async ({ ws }) => {
          ws.close();
          await once(ws, "close");
        }),
      );
    }
  });
});

describe("the quickstart on a port in use", () => {
  it("says so and exits 1, without an unhandled rejection", async () => {
    const busy = createServer();
    busy.listen(0, "127.0.0.1");
    await once(busy, "listening");
    const address = busy.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    try {
      const app = run({ PORT: String(address.port), HOST: "127.0.0.1" });
      expect(await app.exited).toBe(1);
      expect(app.output()).toMatch(/^quickstart: .*\b(EADDRINUSE|in use)\b/m);
      expect(app.output()).not.toMatch(/Unhandled|triggerUncaughtException/);
    } finally {
      busy.close();
    }
  }, 20_000);
});
