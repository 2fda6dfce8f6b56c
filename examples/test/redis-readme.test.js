"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const layer_events_1 = require("../redis/layer-events");
const ROOT = (0, node_path_1.join)(__dirname, "..", "..");
const README = "packages/redis/README.md";
describe(`${README}: what its code blocks do not show`, () => {
    it("cites no path of the machine it was written on", () => {
        expect((0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, README), "utf8")).not.toMatch(/\/work\/|\/home\/|\/Users\//);
    });
    (test_fixtures_1.PYTHON === undefined ? it.skip : it)("the Django settings example is valid Python", () => {
        const compiled = (0, node_child_process_1.spawnSync)(test_fixtures_1.PYTHON, ["-c", `exec(open(${JSON.stringify((0, node_path_1.join)(ROOT, "examples/redis/django_settings.py"))}).read())`], {
            encoding: "utf8",
        });
        expect(compiled.stderr).toBe("");
        expect(compiled.status).toBe(0);
    });
});
(0, test_fixtures_1.describeWithRedis)(`${README}: the layer example`, () => {
    let server;
    let layer;
    const logged = { warn: [], info: [], error: [] };
    beforeAll(async () => {
        server = await test_fixtures_1.RedisServer.start();
        for (const level of ["warn", "info", "error"]) {
            jest.spyOn(console, level).mockImplementation((...args) => void logged[level].push(args.join(" ")));
        }
    });
    afterEach(async () => {
        await layer?.close();
        layer = undefined;
        core_1.channelLayers.configure({});
        delete process.env.REDIS_URL;
    });
    afterAll(async () => {
        jest.restoreAllMocks();
        await server.stop();
    });
    it("logs why a host went down (not `undefined`) and when it is back", async () => {
        process.env.REDIS_URL = server.url;
        layer = (0, layer_events_1.configureRedisLayer)();
        expect(core_1.channelLayers.get("default")).toBe(layer);
        await (0, layer_events_1.connectAtStartup)(layer);
        expect(logged.error).toEqual([]);
        const down = new Promise((resolve) => layer.once("down", resolve));
        await server.stop();
        await down; // the example's listener ran first: it was registered first
        expect(logged.warn).toHaveLength(1);
        expect(logged.warn[0]).toMatch(new RegExp(`^Redis ${server.url} is down: \\S`));
        expect(logged.warn[0]).not.toContain("undefined");
        const up = new Promise((resolve) => layer.once("up", resolve));
        await server.restart();
        await up;
        expect(logged.info).toContain(`Redis ${server.url} is back; memberships restored`);
    });
    it("reports a Redis that cannot be reached at startup, naming the host", async () => {
        await server.stop();
        try {
            process.env.REDIS_URL = server.url;
            layer = (0, layer_events_1.configureRedisLayer)();
            logged.error.length = 0;
            await (0, layer_events_1.connectAtStartup)(layer);
            expect(logged.error).toEqual([expect.stringContaining(`Redis host ${server.url} is unreachable (`)]);
            await expect(layer.groupSend("room", { type: "x" })).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable);
        }
        finally {
            await server.restart();
        }
    });
});
//# sourceMappingURL=redis-readme.test.js.map