import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { channelLayers } from "@channels-ts/core";
import { RedisHostUnavailable, type RedisChannelLayer } from "@channels-ts/redis";
import { PYTHON, describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";
import { configureRedisLayer, connectAtStartup } from "../redis/layer-events";

const ROOT = join(__dirname, "..", "..");
const README = "packages/redis/README.md";

describe(`${README}: what its code blocks do not show`, () => {
  it("cites no path of the machine it was written on", () => {
    expect(readFileSync(join(ROOT, README), "utf8")).not.toMatch(/\/work\/|\/home\/|\/Users\//);
  });

  (PYTHON === undefined ? it.skip : it)("the Django settings example is valid Python", () => {
    const compiled = spawnSync(
      PYTHON as string,
      ["-c", `exec(open(${JSON.stringify(join(ROOT, "examples/redis/django_settings.py"))}).read())`],
      {
        encoding: "utf8",
      },
    );
    expect(compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  });
});

describeWithRedis(`${README}: the layer example`, () => {
  let server: RedisServer;
  let layer: RedisChannelLayer | undefined;
  const logged: Record<"warn" | "info" | "error", string[]> = { warn: [], info: [], error: [] };

  beforeAll(async () => {
    server = await RedisServer.start();
    for (const level of ["warn", "info", "error"] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged[level].push(args.join(" ")));
    }
  });

  afterEach(async () => {
    await layer?.close();
    layer = undefined;
    channelLayers.configure({});
    delete process.env.REDIS_URL;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await server.stop();
  });

  it("logs why a host went down (not `undefined`) and when it is back", async () => {
    process.env.REDIS_URL = server.url;
    layer = configureRedisLayer();
    expect(channelLayers.get("default")).toBe(layer);
    await connectAtStartup(layer);
    expect(logged.error).toEqual([]);

    const down = new Promise((resolve) => layer!.once("down", resolve));
    await server.stop();
    await down; // the example's listener ran first: it was registered first
    expect(logged.warn).toHaveLength(1);
    expect(logged.warn[0]).toMatch(new RegExp(`^Redis ${server.url} is down: \\S`));
    expect(logged.warn[0]).not.toContain("undefined");

    const up = new Promise((resolve) => layer!.once("up", resolve));
    await server.restart();
    await up;
    expect(logged.info).toContain(`Redis ${server.url} is back; memberships restored`);
  });

  it("reports a Redis that cannot be reached at startup, naming the host", async () => {
    await server.stop();
    try {
      process.env.REDIS_URL = server.url;
      layer = configureRedisLayer();
      logged.error.length = 0;
      await connectAtStartup(layer);
      expect(logged.error).toEqual([expect.stringContaining(`Redis host ${server.url} is unreachable (`)]);
      await expect(layer.groupSend("room", { type: "x" })).rejects.toBeInstanceOf(RedisHostUnavailable);
    } finally {
      await server.restart();
    }
  });
});
