"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const markdown_snippets_1 = require("./support/markdown-snippets");
// Runs the code in packages/server/README.md the way the README says, and checks what it says.
const repo = (0, node_path_1.join)(__dirname, "..", "..");
const readme = (0, node_fs_1.readFileSync)((0, node_path_1.join)(repo, "packages", "server", "README.md"), "utf8");
const tsx = require.resolve("tsx/cli");
const channelsTs = (0, node_path_1.join)(repo, "node_modules", ".bin", "channels-ts");
const clients = new test_fixtures_1.WsClients();
afterEach(() => clients.terminate());
const processes = (0, test_fixtures_1.useProcesses)();
/** Starts a command in the repository root (where the README's commands run), with `env` added. */
function start(command, args, env = {}) {
    return processes.start(command, args, { cwd: repo, env });
}
/** Opens a WebSocket, sends `text` and resolves with the first reply. */
async function exchange(url, text) {
    const client = await clients.text(url);
    client.send(text);
    await client.until("a reply", (received) => received.length > 0);
    return client.received[0];
}
async function get(url) {
    return (await fetch(url)).text();
}
test("app.ts: `npx tsx app.ts` answers curl with hello from the path, echoes WebSocket text, logs access lines, stops on SIGTERM", async () => {
    const app = start(process.execPath, [tsx, "examples/server/app.ts"], { PORT: "0" });
    const [, port] = await app.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    expect(await get(`http://127.0.0.1:${port}/x`)).toBe("hello from /x\n");
    expect(await exchange(`ws://127.0.0.1:${port}/`, "hi")).toBe("echo: hi");
    // The access-log format the README's Logs section shows.
    await app.waitFor(/^127\.0\.0\.1:\d+ - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d\] "GET \/x" 200 14$/m);
    await app.waitFor(/^127\.0\.0\.1:\d+ - - \[[^\]]+\] "WSCONNECT \/" - -$/m);
    app.kill("SIGTERM");
    expect((await app.exited).code).toBe(0);
});
test("app.ts on a busy port prints the one line the README quotes and exits 1", async () => {
    const first = start(process.execPath, [tsx, "examples/server/app.ts"], { PORT: "0" });
    const [, port] = await first.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    const second = start(process.execPath, [tsx, "examples/server/app.ts"], { PORT: port });
    expect((await second.exited).code).toBe(1);
    expect(second.output).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other process or pick another port (--port / PORT=...).\n`);
    first.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);
});
test("express.ts: Express keeps its page, attach() serves /ws/chat/<room>/ with routes relative to /ws", async () => {
    const app = start(process.execPath, [tsx, "examples/server/express.ts"], { PORT: "0" });
    const [, port] = await app.waitFor(/Listening on http:\/\/127\.0\.0\.1:(\d+)/);
    expect(await get(`http://127.0.0.1:${port}/`)).toBe("Express page; WebSockets on /ws/chat/<room>/\n");
    expect(await exchange(`ws://127.0.0.1:${port}/ws/chat/lobby/`, "hi")).toBe("lobby: hi");
    app.kill("SIGTERM");
    expect((await app.exited).code).toBe(0);
});
test("routes.ts: `npx channels-ts serve routes.ts` serves / and the echo WebSocket, and stops on SIGTERM", async () => {
    const app = start("npx", ["channels-ts", "serve", "examples/server/routes.ts", "--port", "0"]);
    const [, port] = await app.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    expect(await get(`http://127.0.0.1:${port}/`)).toBe("hello from /\n");
    expect(await exchange(`ws://127.0.0.1:${port}/echo/`, "hi")).toBe("echo: hi");
    app.kill("SIGTERM"); // to npx, as `kill <pid>` does
    await app.exited; // npm's own status is npm's; "close" waits for the server too, which holds the same pipes
    expect(app.output).toMatch(/shutting down/);
});
/** The text of the first code block after the line `marker` in the README. */
function blockAfter(marker) {
    const line = readme.split("\n").indexOf(marker) + 1;
    if (line === 0)
        throw new Error(`packages/server/README.md has no line ${marker}`);
    const block = (0, markdown_snippets_1.codeBlocks)(readme).find((candidate) => candidate.line > line);
    if (block === undefined)
        throw new Error(`packages/server/README.md has no code block after ${marker}`);
    return `${block.content.join("\n")}\n`;
}
test("the README's `channels-ts serve --help` block is what the command prints", async () => {
    const help = start(process.execPath, [channelsTs, "serve", "--help"]);
    expect((await help.exited).code).toBe(0);
    expect(blockAfter("<!-- output of: npx channels-ts serve --help -->")).toBe(help.output);
});
//# sourceMappingURL=server-readme.test.js.map