import { connect } from "node:net";
import { startProcess } from "@channels-ts/test-fixtures";
import { REPO_ROOT } from "./support/chat-process";

/** The `chat: open` line: the port it listens on and the pid of the server process. */
const LISTENING = /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1 \(layer: memory, pid (\d+)\)$/m;

/** Resolves with the error code of a connection attempt to `port` ("connected" if one succeeds). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// npm runs a script with `sh -c`; Debian's sh (dash) forks for it, and npm's SIGTERM used to
// stop only that shell, leaving the chat running. `exec node --import tsx ...` makes the server
// npm's own child (tsx's launcher relayed a signal only if the server acknowledged it within 30 ms,
// else exited 130: seen in CI on a loaded machine).
describe.each([
  ["the root package.json", ["start"]],
  ["apps/chat/package.json", ["start", "-w", "apps/chat"]],
])("npm start (%s) and a signal to the npm process", (_where, args) => {
  it.each(["SIGTERM", "SIGINT"] as const)("%s stops the chat server gracefully", async (signal) => {
    // Disposed at the end: stopped, and should the server outlive npm (the bug this guards
    // against), what is left of npm's process group is killed too.
    await using service = startProcess("npm", args, {
      name: `npm ${args.join(" ")}`,
      cwd: REPO_ROOT,
      env: { HOST: "127.0.0.1", PORT: "0", CHANNEL_LAYER: "memory" },
      detached: true,
    });
    const [, port, pid] = (await service.waitFor(LISTENING, 30_000)) as unknown as [string, string, string];
    expect(await tryConnect(Number(port))).toBe("connected");
    expect(Number(pid)).not.toBe(service.pid); // the server is a descendant of npm, not npm itself

    process.kill(service.pid, signal);
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.output).toContain(`chat: ${signal} received: shutting down`);
    // npm exits only after its child, the server process.
    expect(isRunning(Number(pid))).toBe(false);
    expect(await tryConnect(Number(port))).toBe("ECONNREFUSED");
  });
});
