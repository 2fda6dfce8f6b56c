import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { channelLayers } from "@channels-ts/core";
import { RedisHostUnavailable, type RedisChannelLayer } from "@channels-ts/redis";
import { PYTHON, describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";
import { configureRedisLayer, connectAtStartup } from "../redis/layer-events";

const ROOT = join(__dirname, "..", "..");
const README = "packages/redis/README.md";

/** The lines between `#region name` and `#endregion name` of `file` (`//` or `#` comments), dedented. */
function region(file: string, name: string): string {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const start = lines.findIndex((line) => new RegExp(`^\\s*(//|#) #region ${name}$`).test(line));
  const end = lines.findIndex(
    (line, index) => index > start && new RegExp(`^\\s*(//|#) #endregion ${name}$`).test(line),
  );
  if (start === -1 || end === -1) throw new Error(`${file} has no region ${name}`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)![0].length));
  return body.map((line) => line.slice(indent)).join("\n");
}

/** Every `<!-- example: file#region -->` marker of the README and the code block after it. */
function markedBlocks(): Array<{ target: string; code: string }> {
  const text = readFileSync(join(ROOT, README), "utf8");
  const blocks: Array<{ target: string; code: string }> = [];
  // Prettier puts a blank line between the marker and the fence.
  const marked = /<!-- example: (\S+) -->\n\n?```[a-z]*\n([\s\S]*?)\n```/g;
  for (let match = marked.exec(text); match !== null; match = marked.exec(text)) {
    blocks.push({ target: match[1] as string, code: match[2] as string });
  }
  return blocks;
}

describe(`${README}: its code blocks are the files under examples/redis`, () => {
  it("every code block that is not shell has a marker", () => {
    const text = readFileSync(join(ROOT, README), "utf8");
    const fences = [...text.matchAll(/(^.*\n)?\n?```([a-z]+)\n/gm)].filter((match) => match[2] !== "sh");
    for (const fence of fences) expect(fence[1]).toMatch(/^<!-- example: examples\/redis\/\S+ -->$/m);
    expect(markedBlocks().length).toBe(fences.length);
  });

  it.each(markedBlocks().map((block) => [block.target, block.code]))("%s is the README's block", (target, code) => {
    const [file, name] = target.split("#") as [string, string];
    expect(code).toBe(region(file, name));
  });

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
