"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const markdown_snippets_1 = require("./support/markdown-snippets");
// Which languages need no marker, and why, is written beside EXEMPT_LANGUAGES in the support file.
describe("every code block a user reads is a checked file under examples/", () => {
    const files = (0, markdown_snippets_1.userMarkdownFiles)().map((file) => (0, node_path_1.relative)(markdown_snippets_1.ROOT, file));
    it("finds the root README, the package READMEs and docs/", () => {
        expect(files).toContain("README.md");
        expect(files).toContain("packages/core/README.md");
        expect(files.some((file) => file.startsWith("docs/"))).toBe(true);
    });
    // One case per Markdown file, so that each file's problems are reported (and fixed) on their own.
    it.each(files)("%s", (file) => {
        const problems = (0, markdown_snippets_1.snippetProblems)((0, node_path_1.join)(markdown_snippets_1.ROOT, file));
        if (problems.length > 0)
            throw new Error(`${problems.length} code block(s) to fix:\n\n${problems.join("\n\n")}`);
    });
});
describe("the snippet checker", () => {
    it("reads fences, their language and the marker before them (blank lines allowed)", () => {
        const blocks = (0, markdown_snippets_1.codeBlocks)([
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
        ].join("\n"));
        expect(blocks).toEqual([
            { language: "ts", content: ["x;"], line: 4, marker: "examples/a.ts#one" },
            { language: "sh", content: ["ls"], line: 8, marker: undefined },
            { language: "", content: ["```"], line: 11, marker: undefined },
        ]);
    });
    it("cuts a region out of an example, dedented, without nested region lines", () => {
        const region = (0, markdown_snippets_1.exampleText)("examples/docs/consumers/handler-names.ts#handlers");
        expect(region.lines[0]).toMatch(/^\S/);
        expect(region.lines.some((line) => line.includes("#region"))).toBe(false);
        expect(() => (0, markdown_snippets_1.exampleText)("examples/docs/consumers/handler-names.ts#no-such-region")).toThrow(/no "#region/);
        expect(() => (0, markdown_snippets_1.exampleText)("examples/nope.ts")).toThrow(/does not exist/);
        expect(() => (0, markdown_snippets_1.exampleText)("packages/core/src/index.ts")).toThrow(/under examples\//);
    });
    it("reports an unmarked block, a missing region and a block that differs, with file and line", () => {
        const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "snippets-"));
        try {
            const file = (0, node_path_1.join)(dir, "page.md");
            const real = (0, markdown_snippets_1.exampleText)("examples/docs/consumers/json-consumer.ts#json").lines;
            const changed = real.map((line) => line.replace("a + b", "a - b"));
            (0, node_fs_1.writeFileSync)(file, [
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
            ].join("\n"));
            const problems = (0, markdown_snippets_1.snippetProblems)(file);
            expect(problems).toHaveLength(3);
            expect(problems[0]).toMatch(/page\.md:1: a ```ts block without an example marker/);
            expect(problems[1]).toMatch(/page\.md:5: .*has no "#region nope" line/);
            expect(problems[2]).toMatch(/page\.md:9: the block differs from examples\/docs\/consumers\/json-consumer\.ts#json/);
            expect(problems[2]).toContain("- doc line 4:     await this.sendJson({ sum: a - b });");
            expect(problems[2]).toMatch(/\+ examples\/docs\/consumers\/json-consumer\.ts:\d+: {5}await this\.sendJson/);
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
    it("shows what differs, line by line", () => {
        expect((0, markdown_snippets_1.lineDiff)(["a", "b", "c"], ["a", "B", "c"])).toEqual(["  - doc line 2: b", "  + example line 2: B"]);
    });
});
const PYTHON = "/usr/bin/python3";
const describePython = (0, node_fs_1.existsSync)(PYTHON) ? describe : describe.skip;
if (!(0, node_fs_1.existsSync)(PYTHON)) {
    // Jest hides console output of an all-skipped file; stderr is seen.
    process.stderr.write(`!!! SKIPPED "the Python examples compile": ${PYTHON} is missing (Debian: apt-get install python3).\n`);
}
describePython("the Python examples compile", () => {
    const files = (0, markdown_snippets_1.pythonExamples)().map((file) => (0, node_path_1.relative)(markdown_snippets_1.ROOT, file));
    it("has the tutorial's Django project", () => {
        expect(files.some((file) => file.startsWith("examples/tutorial/python/"))).toBe(true);
    });
    it("every Python file under examples/ compiles (py_compile)", () => {
        // One interpreter for all of them; the byte code goes to a temporary folder, not into examples/.
        const cache = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "pycache-"));
        try {
            const result = (0, node_child_process_1.spawnSync)(PYTHON, ["-m", "py_compile", ...files.map((file) => (0, node_path_1.join)(markdown_snippets_1.ROOT, file))], {
                encoding: "utf8",
                env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
            });
            expect(result.stderr).toBe(""); // names the file and line of a syntax error
            expect(result.status).toBe(0);
        }
        finally {
            (0, node_fs_1.rmSync)(cache, { recursive: true, force: true });
        }
    });
});
//# sourceMappingURL=snippets.test.js.map