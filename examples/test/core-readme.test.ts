import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ErrorCode } from "@channels-ts/core";

const root = join(__dirname, "..", "..");
const run = promisify(execFile);

/** Runs an example as a reader would (`npx tsx file`) and gives back what it printed. */
async function runExample(file: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, [require.resolve("tsx/cli"), file], { cwd: root, timeout: 15_000 });
  return stdout.trimEnd().split("\n");
}

/** The block after each `<!-- example: ... -->` marker (Prettier may leave a blank line between), with the file or region it names. */
function readmeBlocks(readme: string): Array<{ target: string; block: string }> {
  const marker = /<!-- example: (\S+) -->\n(?:\n)?```ts\n([\s\S]*?)```/g;
  return [...readme.matchAll(marker)].map((m) => ({ target: m[1] as string, block: m[2] as string }));
}

function exampleText(target: string): string {
  const [file, region] = target.split("#") as [string, string | undefined];
  const text = readFileSync(join(root, file), "utf8");
  if (region === undefined) return text;
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === `// #region ${region}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion ${region}`);
  if (start < 0 || end < start) throw new Error(`${file} has no region ${region}`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length));
  return body.map((l) => l.slice(indent)).join("\n") + "\n";
}

describe("packages/core/README.md", () => {
  const readme = readFileSync(join(root, "packages/core/README.md"), "utf8");

  it("shows every code block from a file under examples/, unchanged", () => {
    const blocks = readmeBlocks(readme);
    const fences = readme.match(/^```ts$/gm) ?? [];
    expect(blocks.length).toBe(fences.length);
    for (const { target, block } of blocks) expect({ target, block }).toEqual({ target, block: exampleText(target) });
  });

  it("documents every ErrorCode, once, in its error table", () => {
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual(Object.values(ErrorCode).sort());
    for (const [key, code] of Object.entries(ErrorCode)) expect(code).toBe(key);
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
