import { execFile } from "node:child_process";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { REPO_ROOT } from "./support/chat-process";

let occupied: Server;
let port: number;

beforeAll(async () => {
  occupied = createServer();
  await new Promise<void>((resolve) => occupied.listen(0, "127.0.0.1", resolve));
  port = (occupied.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

/** Runs the chat as `npm start` does and resolves once it exits (the killSignal is a safety net, not the check). */
function runChat(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      join(REPO_ROOT, "node_modules", ".bin", "tsx"),
      ["apps/chat/src/main.ts"],
      { cwd: REPO_ROOT, env, timeout: 30_000, killSignal: "SIGKILL" },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe("npm start on a port in use", () => {
  it("prints one line naming the port and how to pick another, and exits with 1", async () => {
    const { code, stdout, stderr } = await runChat({
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      CHANNEL_LAYER: "memory",
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      `chat: Port ${port} on 127.0.0.1 is already in use: stop the other process or pick another port (--port / PORT=...).`,
    ]);
  }, 40_000);
});
