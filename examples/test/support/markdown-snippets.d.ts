/** The repository root (examples/test/support -> ../../..). */
export declare const ROOT: string;
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
export declare const EXEMPT_LANGUAGES: ReadonlySet<string>;
export interface CodeBlock {
    /** The fence's info string's first word, lower-cased ("" when there is none). */
    language: string;
    /** The lines between the fences, with the fence's own indentation removed. */
    content: string[];
    /** 1-based line of the opening fence. */
    line: number;
    /** The `examples/...` target of the marker before the fence (blank lines between allowed), if any. */
    marker: string | undefined;
}
/** The fenced code blocks of a CommonMark document, each with the example marker before it. */
export declare function codeBlocks(markdown: string): CodeBlock[];
/** Removes the indentation every non-blank line shares. */
export declare function dedent(lines: string[]): string[];
export interface ExampleText {
    lines: string[];
    /** 1-based line in the file of `lines[0]`. */
    firstLine: number;
}
/**
 * The text a marker names: the whole file (without its final newline), or the lines between
 * `#region name` and `#endregion name` (`//`, `#` or `<!-- -->` comments), dedented, with any
 * nested region markers left out. Throws an Error naming what is missing.
 */
export declare function exampleText(target: string): ExampleText;
/** A short line diff (longest common subsequence), `-` for the doc and `+` for the example. */
export declare function lineDiff(doc: string[], example: string[], maxLines?: number): string[];
/** Every problem with the code blocks of one Markdown file, as messages naming file and line. */
export declare function snippetProblems(markdownFile: string): string[];
/** Every Markdown file a user reads: the root README, each package's and app's, and docs/. */
export declare function userMarkdownFiles(): string[];
/** Every Python file under `examples/`. */
export declare function pythonExamples(): string[];
