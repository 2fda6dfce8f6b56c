import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  ROOT,
  codeBlocks,
  exampleText,
  lineDiff,
  pythonExamples,
  snippetProblems,
  userMarkdownFiles,
} from "./support/markdown-snippets";

// Which languages need no marker, and why, is written beside EXEMPT_LANGUAGES in the support file.

describe("every code block a user reads is a checked file under examples/", () => {
  const files = userMarkdownFiles().map((file) => relative(ROOT, file));

  it("finds the root README, the package READMEs and docs/", () => {
    expect(files).toContain("README.md");
    expect(files).toContain("packages/core/README.md");
    expect(files.some((file) => file.startsWith("docs/"))).toBe(true);
  });

  // One case per Markdown file, so that each file's problems are reported (and fixed) on their own.
  it.each(files)("%s", (file) => {
    const problems = snippetProblems(join(ROOT, file));
    if (problems.length > 0) throw new Error(`${problems.length} code block(s) to fix:\n\n${problems.join("\n\n")}`);
  });
});

describe("the snippet checker", () => {
  it("reads fences, their language and the marker before them (blank lines allowed)", () => {
    const blocks = codeBlocks(
      [
        "# t",
        "<!-- example: examples/a.ts#one -->",
        "",
        "```ts",
        "x;",
        "```",
        "",
        "```sh",
        "ls",
        "```",
        "````",
        "```",
      ].join("\n"),
    );
    expect(blocks).toEqual([
      { language: "ts", content: ["x;"], line: 4, marker: "examples/a.ts#one" },
      { language: "sh", content: ["ls"], line: 8, marker: undefined },
      { language: "", content: ["```"], line: 11, marker: undefined },
    ]);
  });

  it("cuts a region out of an example, dedented, without nested region lines", () => {
    const region = exampleText("examples/docs/consumers/handler-names.ts#handlers");
    expect(region.lines[0]).toMatch(/^\S/);
    expect(region.lines.some((line) => line.includes("#region"))).toBe(false);
    expect(() => exampleText("examples/docs/consumers/handler-names.ts#no-such-region")).toThrow(/no "#region/);
    expect(() => exampleText("examples/nope.ts")).toThrow(/does not exist/);
    expect(() => exampleText("packages/core/src/index.ts")).toThrow(/under examples\//);
  });

  it("reports an unmarked block, a missing region and a block that differs, with file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "snippets-"));
    try {
      const file = join(dir, "page.md");
      const real = exampleText("examples/docs/consumers/json-consumer.ts#json").lines;
      const changed = real.map((line) => line.replace("a + b", "a - b"));
      writeFileSync(
        file,
        [
          "```ts",
          "let x = 1;",
          "```",
          "<!-- example: examples/docs/consumers/json-consumer.ts#nope -->",
          "```ts",
          "```",
          "<!-- example: examples/docs/consumers/json-consumer.ts#json -->",
          "",
          "```ts",
          ...changed,
          "```",
          "```sh",
          "npm start",
          "```",
        ].join("\n"),
      );
      const problems = snippetProblems(file);
      expect(problems).toHaveLength(3);
      expect(problems[0]).toMatch(/page\.md:1: a ```ts block without an example marker/);
      expect(problems[1]).toMatch(/page\.md:5: .*has no "#region nope" line/);
      expect(problems[2]).toMatch(
        /page\.md:9: the block differs from examples\/docs\/consumers\/json-consumer\.ts#json/,
      );
      expect(problems[2]).toContain("- doc line 4:     await this.sendJson({ sum: a - b });");
      expect(problems[2]).toMatch(/\+ examples\/docs\/consumers\/json-consumer\.ts:\d+: {5}await this\.sendJson/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows what differs, line by line", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "B", "c"])).toEqual(["  - doc line 2: b", "  + example line 2: B"]);
  });
});

const PYTHON = "/usr/bin/python3";
const describePython = existsSync(PYTHON) ? describe : describe.skip;
if (!existsSync(PYTHON)) {
  // Jest hides console output of an all-skipped file; stderr is seen.
  process.stderr.write(
    `!!! SKIPPED "the Python examples compile": ${PYTHON} is missing (Debian: apt-get install python3).\n`,
  );
}

describePython("the Python examples compile", () => {
  const files = pythonExamples().map((file) => relative(ROOT, file));

  it("has the tutorial's Django project", () => {
    expect(files.some((file) => file.startsWith("examples/tutorial/python/"))).toBe(true);
  });

  it("every Python file under examples/ compiles (py_compile)", () => {
    // One interpreter for all of them; the byte code goes to a temporary folder, not into examples/.
    const cache = mkdtempSync(join(tmpdir(), "pycache-"));
    try {
      const result = spawnSync(PYTHON, ["-m", "py_compile", ...files.map((file) => join(ROOT, file))], {
        encoding: "utf8",
        env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      });
      expect(result.stderr).toBe(""); // names the file and line of a syntax error
      expect(result.status).toBe(0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
