"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXEMPT_LANGUAGES = exports.ROOT = void 0;
exports.codeBlocks = codeBlocks;
exports.dedent = dedent;
exports.exampleText = exampleText;
exports.lineDiff = lineDiff;
exports.snippetProblems = snippetProblems;
exports.userMarkdownFiles = userMarkdownFiles;
exports.pythonExamples = pythonExamples;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The repository root (examples/test/support -> ../../..). */
exports.ROOT = (0, node_path_1.join)(__dirname, "..", "..", "..");
/**
 * Languages a block may be written in without an example marker, and why each is exempt:
 * - sh, bash, shell, console: commands to type, or a session with its output; running them is
 *   what the suites that own those commands do (apps/chat, packages/server CLI tests).
 * - text, txt, output: what a program prints, not a program.
 * - ini, nginx, dockerfile, yaml, yml, toml, env: configuration of other tools (systemd, nginx,
 *   Docker, CI); there is nothing here to typecheck, and running them needs those tools.
 * - json, jsonc: manifests and settings (package.json, tsconfig.json) shown as a part, not a file.
 * - diff: a change to apply, by definition not a file.
 * - http: a raw request or response on the wire.
 * A block in an exempt language that does carry a marker is checked like any other.
 */
exports.EXEMPT_LANGUAGES = new Set([
    "sh",
    "bash",
    "shell",
    "console",
    "text",
    "txt",
    "output",
    "ini",
    "nginx",
    "dockerfile",
    "yaml",
    "yml",
    "toml",
    "env",
    "json",
    "jsonc",
    "diff",
    "http",
]);
const MARKER = /^\s*<!--\s*example:\s*(\S+)\s*-->\s*$/;
const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
/** The fenced code blocks of a CommonMark document, each with the example marker before it. */
function codeBlocks(markdown) {
    const lines = markdown.split("\n");
    const blocks = [];
    for (let i = 0; i < lines.length; i++) {
        const open = OPENING_FENCE.exec(lines[i]);
        if (open === null)
            continue;
        const indent = open[1].length;
        const fence = open[2];
        const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
        // The marker is the last non-blank line before the fence: Prettier puts a blank line between them.
        let before = i - 1;
        while (before >= 0 && lines[before].trim() === "")
            before--;
        const previous = before >= 0 ? MARKER.exec(lines[before]) : null;
        const content = [];
        let j = i + 1;
        while (j < lines.length && !closing.test(lines[j])) {
            content.push(lines[j].replace(new RegExp(`^ {0,${indent}}`), ""));
            j++;
        }
        blocks.push({ language: open[3].toLowerCase(), content, line: i + 1, marker: previous?.[1] });
        i = j;
    }
    return blocks;
}
const REGION = (kind, name) => new RegExp(`^\\s*(?://|#|<!--)\\s*#${kind}\\s+${escapeRegExp(name)}\\s*(?:-->)?\\s*$`);
const ANY_REGION_LINE = /^\s*(?:\/\/|#|<!--)\s*#(?:end)?region\b.*$/;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/** Removes the indentation every non-blank line shares. */
function dedent(lines) {
    const indents = lines.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)?.[0].length ?? 0);
    const common = indents.length === 0 ? 0 : Math.min(...indents);
    return lines.map((line) => line.slice(common));
}
/**
 * The text a marker names: the whole file (without its final newline), or the lines between
 * `#region name` and `#endregion name` (`//`, `#` or `<!-- -->` comments), dedented, with any
 * nested region markers left out. Throws an Error naming what is missing.
 */
function exampleText(target) {
    const [file, region] = target.split("#", 2);
    if (!file.startsWith("examples/"))
        throw new Error(`the marker must name a file under examples/, got ${file}`);
    const absolute = (0, node_path_1.join)(exports.ROOT, file);
    if (!(0, node_fs_1.existsSync)(absolute))
        throw new Error(`${file} does not exist`);
    const lines = (0, node_fs_1.readFileSync)(absolute, "utf8").replace(/\n$/, "").split("\n");
    if (region === undefined)
        return { lines, firstLine: 1 };
    const start = lines.findIndex((line) => REGION("region", region).test(line));
    if (start === -1)
        throw new Error(`${file} has no "#region ${region}" line`);
    const end = lines.findIndex((line, index) => index > start && REGION("endregion", region).test(line));
    if (end === -1)
        throw new Error(`${file} has no "#endregion ${region}" after its "#region ${region}"`);
    const inner = lines.slice(start + 1, end);
    return { lines: dedent(inner.filter((line) => !ANY_REGION_LINE.test(line))), firstLine: start + 2 };
}
/** A short line diff (longest common subsequence), `-` for the doc and `+` for the example. */
function lineDiff(doc, example, maxLines = 20) {
    const n = doc.length;
    const m = example.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i][j] = doc[i] === example[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && doc[i] === example[j]) {
            i++;
            j++;
        }
        else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.push(`  - doc line ${i + 1}: ${doc[i]}`);
            i++;
        }
        else {
            out.push(`  + example line ${j + 1}: ${example[j]}`);
            j++;
        }
    }
    return out.length > maxLines ? [...out.slice(0, maxLines), `  ... ${out.length - maxLines} more`] : out;
}
/** Every problem with the code blocks of one Markdown file, as messages naming file and line. */
function snippetProblems(markdownFile) {
    const name = (0, node_path_1.relative)(exports.ROOT, markdownFile);
    const problems = [];
    for (const block of codeBlocks((0, node_fs_1.readFileSync)(markdownFile, "utf8"))) {
        const where = `${name}:${block.line}`;
        if (block.marker === undefined) {
            if (exports.EXEMPT_LANGUAGES.has(block.language))
                continue;
            problems.push(block.language === ""
                ? `${where}: a code block without a language; label it (\`\`\`text for output, \`\`\`sh for commands) or make it an example with <!-- example: examples/... --> on the line before.`
                : `${where}: a \`\`\`${block.language} block without an example marker; put the code in a file under examples/ and write <!-- example: examples/path/file#region --> on the line before the fence.`);
            continue;
        }
        let expected;
        try {
            expected = exampleText(block.marker);
        }
        catch (error) {
            problems.push(`${where}: <!-- example: ${block.marker} -->: ${error.message}.`);
            continue;
        }
        if (expected.lines.join("\n") === block.content.join("\n"))
            continue;
        const offset = expected.firstLine - 1;
        problems.push([
            `${where}: the block differs from ${block.marker} (example lines count from file line ${expected.firstLine}; the doc's from line ${block.line + 1}):`,
            ...lineDiff(block.content, expected.lines).map((line) => line.replace(/example line (\d+)/, (_all, n) => `${block.marker?.split("#")[0]}:${Number(n) + offset}`)),
        ].join("\n"));
    }
    return problems;
}
function markdownUnder(dir) {
    if (!(0, node_fs_1.existsSync)(dir))
        return [];
    return (0, node_fs_1.readdirSync)(dir)
        .sort()
        .flatMap((entry) => {
        const full = (0, node_path_1.join)(dir, entry);
        if ((0, node_fs_1.statSync)(full).isDirectory())
            return markdownUnder(full);
        return entry.endsWith(".md") ? [full] : [];
    });
}
function readmesIn(dir) {
    const parent = (0, node_path_1.join)(exports.ROOT, dir);
    if (!(0, node_fs_1.existsSync)(parent))
        return [];
    return (0, node_fs_1.readdirSync)(parent)
        .sort()
        .map((entry) => (0, node_path_1.join)(parent, entry, "README.md"))
        .filter((file) => (0, node_fs_1.existsSync)(file));
}
/** Every Markdown file a user reads: the root README, each package's and app's, and docs/. */
function userMarkdownFiles() {
    return [
        (0, node_path_1.join)(exports.ROOT, "README.md"),
        ...readmesIn("packages"),
        ...readmesIn("apps"),
        ...markdownUnder((0, node_path_1.join)(exports.ROOT, "docs")),
    ];
}
/** Every Python file under `examples/`. */
function pythonExamples() {
    const walk = (dir) => (0, node_fs_1.readdirSync)(dir)
        .sort()
        .flatMap((entry) => {
        const full = (0, node_path_1.join)(dir, entry);
        if (entry === "node_modules" || entry === "__pycache__")
            return [];
        if ((0, node_fs_1.statSync)(full).isDirectory())
            return walk(full);
        return entry.endsWith(".py") ? [full] : [];
    });
    return walk((0, node_path_1.join)(exports.ROOT, "examples"));
}
//# sourceMappingURL=markdown-snippets.js.map