"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_http_1 = require("node:http");
const src_1 = require("../src");
const options_1 = require("../src/options");
const app = async () => undefined;
test("defaults are one literal, used for anything not given", () => {
    const resolved = (0, options_1.resolveOptions)({ maxPayload: 10 }, "serve");
    expect(resolved).toEqual({ ...src_1.serverDefaults, maxPayload: 10 });
    expect(src_1.serverDefaults).toMatchObject({
        host: "127.0.0.1",
        port: 8000,
        maxPayload: 1024 * 1024,
        maxQueuedMessages: 64,
        rootPath: "",
        trustProxyHeaders: false,
    });
});
test.each([
    [{ maxPayload: 0 }, "maxPayload", /positive integer.*got 0/],
    [{ port: 70000 }, "port", /0 to 65535.*got 70000/],
    [{ pingIntervalMs: -1 }, "pingIntervalMs", /integer >= 0/],
    [{ rootPath: "/app/" }, "rootPath", /not ending with "\/"/],
    [{ trustProxyHeaders: "yes" }, "trustProxyHeaders", /true or false.*"yes"/],
    [{ logger: console.log }, "logger", /info, warn, error and debug/],
    [{ maxPayLoad: 5 }, "maxPayLoad", /Unknown serve\(\) option maxPayLoad/],
    [{ maxQueuedMessages: 0 }, "maxQueuedMessages", /positive integer.*got 0/],
    [{ maxQueuedMessages: 1.5 }, "maxQueuedMessages", /positive integer.*got 1\.5/],
    [{ pingIntervalMs: 0, pongTimeoutMs: 10 }, "pongTimeoutMs", /pongTimeoutMs and pingIntervalMs: 0 conflict/],
])("serve() rejects %j naming the option", async (options, name, message) => {
    const attempt = (0, src_1.serve)(app, { logger: src_1.silentLogger, ...options });
    await expect(attempt).rejects.toBeInstanceOf(src_1.InvalidServerOption);
    await expect(attempt).rejects.toMatchObject({ option: name, code: "INVALID_SERVER_OPTION" });
    await expect(attempt).rejects.toThrow(message);
});
test("attach() rejects host, port and lifespan, and checks its own options", () => {
    const server = (0, node_http_1.createServer)();
    expect(() => (0, src_1.attach)(server, app, { port: 1 })).toThrow(/attach\(\) does not take option port/);
    expect(() => (0, src_1.attach)(server, app, { lifespan: "on" })).toThrow(/does not take option lifespan/);
    expect(() => (0, src_1.attach)(server, app, { paths: ["ws"] })).toThrow(/Invalid option paths/);
    expect(() => (0, src_1.attach)(server, app, { http: 1 })).toThrow(/Invalid option http/);
    expect(server.listenerCount("upgrade")).toBe(0); // nothing was wired before the error
});
//# sourceMappingURL=options.test.js.map