"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const chat_process_1 = require("./support/chat-process");
let occupied;
let port;
beforeAll(async () => {
    occupied = (0, node_net_1.createServer)();
    await new Promise((resolve) => occupied.listen(0, "127.0.0.1", resolve));
    port = occupied.address().port;
});
afterAll(() => new Promise((resolve) => occupied.close(() => resolve())));
/** Runs the chat as `npm start` does and resolves once it exits (the killSignal is a safety net, not the check). */
function runChat(env) {
    return new Promise((resolve) => {
        const child = (0, node_child_process_1.execFile)((0, node_path_1.join)(chat_process_1.REPO_ROOT, "node_modules", ".bin", "tsx"), ["apps/chat/src/main.ts"], { cwd: chat_process_1.REPO_ROOT, env, timeout: 30_000, killSignal: "SIGKILL" }, (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
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
//# sourceMappingURL=chat-port-in-use.test.js.map