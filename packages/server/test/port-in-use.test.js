"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const core_1 = require("@channels-ts/core");
const src_1 = require("../src");
const listen_errors_1 = require("../src/listen-errors");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const bin = (0, node_path_1.join)(__dirname, "..", "bin", "channels-ts.js");
const fixture = (0, node_path_1.join)(__dirname, "fixtures", "plain-app.ts");
let busy;
const processes = (0, test_fixtures_1.useProcesses)();
afterEach(async () => {
    if (busy !== undefined)
        await new Promise((resolve) => busy.close(resolve));
    busy = undefined;
});
/** A port some other server already listens on. */
async function busyPort() {
    busy = (0, node_net_1.createServer)();
    await new Promise((resolve) => busy.listen(0, "127.0.0.1", resolve));
    return busy.address().port;
}
const lifespanLog = [];
const app = async (scope, receive, send) => {
    if (scope.type !== "lifespan")
        return;
    for (;;) {
        const event = await receive();
        lifespanLog.push(event.type);
        if (event.type === "lifespan.startup")
            await send({ type: "lifespan.startup.complete" });
        else
            return void (await send({ type: "lifespan.shutdown.complete" }));
    }
};
test("serve() on a busy port rejects with PortInUse naming the port and how to pick another, after lifespan shutdown", async () => {
    const port = await busyPort();
    lifespanLog.length = 0;
    const failure = (0, src_1.serve)(app, { port, logger: src_1.silentLogger });
    await expect(failure).rejects.toBeInstanceOf(listen_errors_1.PortInUse);
    const err = (await failure.catch((e) => e));
    expect(err).toBeInstanceOf(core_1.ChannelsError);
    expect(err.code).toBe("PORT_IN_USE");
    expect(err.port).toBe(port);
    expect(err.message).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other process or pick another port (--port / PORT=...).`);
    expect(err.stack).not.toContain("node:net"); // the stack only pointed into Node's internals
    expect(lifespanLog).toEqual(["lifespan.startup", "lifespan.shutdown"]);
});
test("`void serve()` on a busy port reports the one line, not a raw EADDRINUSE stack", async () => {
    const port = await busyPort();
    const script = `require("tsx/cjs"); const { serve } = require(${JSON.stringify((0, node_path_1.join)(__dirname, "..", "src"))});
    void serve(async () => {}, { port: ${port}, lifespan: "off" });`;
    const child = processes.start(process.execPath, ["-e", script], {
        env: { TSX_TSCONFIG_PATH: (0, node_path_1.join)(__dirname, "..", "..", "..", "tsconfig.json") },
    });
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(child.stderr).toContain(`PortInUse: Port ${port} on 127.0.0.1 is already in use`);
    expect(child.stderr).not.toContain("EADDRINUSE");
    expect(child.stderr).not.toMatch(/at .*node:net/);
});
test("channels-ts serve on a busy port prints the one line and exits 1", async () => {
    const port = await busyPort();
    const child = processes.start(process.execPath, [
        bin,
        "serve",
        fixture,
        "--port",
        String(port),
        "--log-level",
        "warn",
    ]);
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(child.stderr).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other process or pick another port (--port / PORT=...).\n`);
});
test("an address that is not this machine's is a ListenFailed naming it and --host", async () => {
    // 192.0.2.0/24 is TEST-NET-1: never assigned to a local interface.
    const err = (await (0, src_1.serve)(app, { host: "192.0.2.1", port: 0, logger: src_1.silentLogger }).catch((e) => e));
    expect(err).toBeInstanceOf(listen_errors_1.ListenFailed);
    expect(err.code).toBe("LISTEN_FAILED");
    expect(err.reason).toBe("EADDRNOTAVAIL");
    expect(err.message).toMatch(/^Cannot listen on 192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine; .*--host/);
});
test("a privileged port is explained (EACCES), and unknown listen errors pass through unchanged", () => {
    const denied = Object.assign(new Error("listen EACCES: permission denied 0.0.0.0:80"), { code: "EACCES" });
    const err = (0, listen_errors_1.listenError)(denied, "0.0.0.0", 80);
    expect(err).toBeInstanceOf(listen_errors_1.ListenFailed);
    expect(err.message).toBe("Cannot listen on 0.0.0.0:80: permission denied (ports below 1024 need privileges); " +
        "pick a port from 1024 up (--port / PORT=...) and put a proxy in front for port 80/443.");
    const odd = Object.assign(new Error("odd"), { code: "EODD" });
    expect((0, listen_errors_1.listenError)(odd, "127.0.0.1", 1)).toBe(odd);
});
//# sourceMappingURL=port-in-use.test.js.map