"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_path_1 = require("node:path");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const clients = new test_fixtures_1.WsClients();
const repo = (0, node_path_1.join)(__dirname, "..", "..", "..");
const bin = (0, node_path_1.join)(__dirname, "..", "bin", "channels-ts.js");
const fixture = (0, node_path_1.join)(__dirname, "fixtures", "cli-app.ts");
const servers = [];
afterEach(() => clients.terminate());
const processes = (0, test_fixtures_1.useProcesses)();
afterEach(() => {
    // A server left behind by npx (the bug this file guards against) is stopped by its PID.
    for (const pid of servers.splice(0)) {
        try {
            process.kill(pid, "SIGKILL");
        }
        catch {
            // already gone
        }
    }
});
/** Waits until `child` serves, with one WebSocket open; returns what to check after the signal. */
async function serving(child) {
    const [, pid] = await child.waitFor(/Started server process \[(\d+)\]/);
    servers.push(Number(pid));
    const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    const ws = await clients.open(`ws://127.0.0.1:${port}/ws/`);
    const echoed = (0, test_fixtures_1.nextFrame)(ws);
    ws.send("hi");
    expect(await echoed).toBe("echo:hi");
    return { wsClosed: (0, test_fixtures_1.closed)(ws) };
}
describe.each(["SIGTERM", "SIGINT"])("%s stops the server gracefully", (signal) => {
    test(`node bin/channels-ts.js serve: ${signal} closes WebSockets with 1001, runs lifespan shutdown, exits 0`, async () => {
        const child = processes.start(process.execPath, [bin, "serve", fixture, "--port", "0"]);
        const { wsClosed } = await serving(child);
        child.kill(signal);
        expect((await wsClosed).code).toBe(1001);
        expect((await child.exited).code).toBe(0);
        expect(child.stdout).toContain(`${signal} received: shutting down`);
        expect(child.stdout).toContain("lifespan shutdown");
    });
    // SIGTERM as `kill <pid>` sends it, to npx alone; SIGINT as Ctrl+C sends it, to the whole
    // foreground process group (npm, its shell, the server). A SIGINT to npm's PID alone stops at
    // npm's shell, which (as every POSIX shell) waits for the command it runs.
    test(`npx channels-ts serve: ${signal} ${signal === "SIGTERM" ? "to npx" : "as Ctrl+C sends it"} stops the server too`, async () => {
        const child = processes.start("npx", ["channels-ts", "serve", fixture, "--port", "0"], {
            cwd: repo,
            detached: true,
        });
        const { wsClosed } = await serving(child);
        if (signal === "SIGTERM")
            child.kill(signal);
        else
            process.kill(-child.pid, signal);
        expect((await wsClosed).code).toBe(1001);
        // "close" comes once every process holding the output pipe (npm, its shell, the server) is gone.
        await child.exited;
        expect(child.stdout).toMatch(/shutting down/);
        expect(child.stdout).toContain("lifespan shutdown");
    });
});
//# sourceMappingURL=signals.test.js.map