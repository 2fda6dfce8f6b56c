"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_events_1 = require("node:events");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const ROOT = (0, node_path_1.join)(__dirname, "..", "..");
const APP = (0, node_path_1.join)(ROOT, "examples", "quickstart", "app.ts");
/** Runs the quickstart the way the README does (through tsx), with `env` added. */
function run(processes, env) {
    return processes.start(process.execPath, ["--import", "tsx", APP], {
        name: "the quickstart",
        cwd: ROOT,
        env: { TSX_TSCONFIG_PATH: (0, node_path_1.join)(ROOT, "tsconfig.json"), ...env },
    });
}
describe("the README quickstart (examples/quickstart/app.ts)", () => {
    const clients = new test_fixtures_1.WsClients();
    afterEach(() => clients.terminate());
    const processes = (0, test_fixtures_1.useProcesses)("all");
    let url;
    beforeAll(async () => {
        const app = run(processes, { PORT: "0", HOST: "127.0.0.1" });
        [, url = ""] = await app.waitFor(/quickstart: open (http:\/\/\S+)\/ in two tabs/, 20_000);
    }, 20_000);
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
        const [alice, bob, carol] = (await Promise.all([
            clients.text(`${wsUrl}/chat/lobby/`),
            clients.text(`${wsUrl}/chat/lobby/`),
            clients.text(`${wsUrl}/chat/other/`),
        ]));
        alice.send("hello");
        await Promise.all([alice.next("hello"), bob.next("hello")]);
        carol.send("elsewhere");
        await carol.next("elsewhere");
        // Had a lobby message reached Carol, or hers the lobby, it would have been received before these.
        bob.send("again");
        await alice.next("again");
        expect(alice.received).toEqual(["hello", "again"]);
        expect(carol.received).toEqual(["elsewhere"]);
    });
});
describe("the quickstart on a port in use", () => {
    const processes = (0, test_fixtures_1.useProcesses)();
    it("says so and exits 1, without an unhandled rejection", async () => {
        const busy = (0, node_net_1.createServer)();
        busy.listen(0, "127.0.0.1");
        await (0, node_events_1.once)(busy, "listening");
        const address = busy.address();
        if (address === null || typeof address === "string")
            throw new Error("no TCP address");
        try {
            const app = run(processes, { PORT: String(address.port), HOST: "127.0.0.1" });
            expect((await app.exited).code).toBe(1);
            expect(app.output).toMatch(/^quickstart: .*\b(EADDRINUSE|in use)\b/m);
            expect(app.output).not.toMatch(/Unhandled|triggerUncaughtException/);
        }
        finally {
            busy.close();
        }
    }, 20_000);
});
//# sourceMappingURL=quickstart.test.js.map