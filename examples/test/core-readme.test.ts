import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import * as core from "@channels-ts/core";
import { ChannelsError, ErrorCode } from "@channels-ts/core";
import * as redis from "@channels-ts/redis";
import * as server from "@channels-ts/server";

const root = join(__dirname, "..", "..");
const run = promisify(execFile);

/** Runs an example as a reader would (`npx tsx file`) and gives back what it printed. */
async function runExample(file: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, [require.resolve("tsx/cli"), file], { cwd: root, timeout: 15_000 });
  return stdout.trimEnd().split("\n");
}

const PACKAGES: Record<string, Record<string, unknown>> = { core, server, redis };

/** Arguments that build an instance with the row's code, for the classes whose constructors need more than strings. */
const CONSTRUCT: Record<string, Record<string, unknown[]>> = {
  UnknownProtocolType: { UNKNOWN_PROTOCOL_TYPE: ["x", ["websocket"]] },
  UnknownChannelName: { UNKNOWN_CHANNEL_NAME: ["x", ["jobs"]] },
  ChannelReceiveAborted: { CHANNEL_LAYER_CLOSED: ["x", "closed"], CHANNEL_DISCARDED: ["x", "discarded"] },
};

/** The rows of the README's error table: code, the classes in backticks, the package column. */
function errorRows(readme: string): Array<{ code: string; classes: string[]; pkg: string }> {
  return [...readme.matchAll(/^\| `([A-Z_]+)` +\|([^|]*)\|([^|]*)\|/gm)].map((m) => ({
    code: m[1] as string,
    classes: [...(m[2] as string).matchAll(/`(\w+)`/g)].map((c) => c[1] as string),
    pkg: (m[3] as string).trim(),
  }));
}

describe("packages/core/README.md", () => {
  const readme = readFileSync(join(root, "packages/core/README.md"), "utf8");

  it("documents every ErrorCode, once, in its error table", () => {
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual(Object.values(ErrorCode).sort());
    for (const [key, code] of Object.entries(ErrorCode)) expect(code).toBe(key);
  });

  it("names, for each code, classes its package exports, which extend ChannelsError and carry that code", () => {
    const rows = errorRows(readme).filter((row) => row.pkg !== "apps/chat"); // the app is no package to import
    expect(rows.length).toBe(Object.keys(ErrorCode).length - 1);
    const problems: string[] = [];
    for (const { code, classes, pkg } of rows) {
      const name = pkg.split(" ")[0] as string;
      const exports = PACKAGES[name];
      if (exports === undefined || classes.length === 0) problems.push(`${code}: no class, or no package (${pkg})`);
      for (const className of classes) {
        const where = `${code}: ${className} from @channels-ts/${name}`;
        const exported = exports?.[className];
        if (exported === ChannelsError) continue; // the base class carries whatever code it is given
        if (typeof exported !== "function" || !(exported.prototype instanceof ChannelsError)) {
          problems.push(`${where} is not an exported class extending ChannelsError`);
          continue;
        }
        const args = CONSTRUCT[className]?.[code] ?? ["x", "y", "z"];
        const instance = new (exported as new (...a: unknown[]) => ChannelsError)(...args);
        if (instance.code !== code) problems.push(`${where}: an instance has code ${instance.code}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("quick start: the consumer accepts and echoes to its group, as the comments say", async () => {
    expect(await runExample("examples/core/quick-start.ts")).toEqual([
      "{ connected: true, subprotocol: null, closeCode: null }",
      "hello",
    ]);
  });

  it("error codes: a send to a full channel is caught by its code", async () => {
    expect(await runExample("examples/core/error-codes.ts")).toEqual(["dropped: CHANNEL_FULL"]);
  });

  it("layer kit: options resolve over the defaults and validators reject bad names", async () => {
    expect(await runExample("examples/core/layer-kit.ts")).toEqual(["30000 86400000", "10 100", "TypeError"]);
  });
});
