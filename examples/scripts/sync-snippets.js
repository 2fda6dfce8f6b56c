"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Rewrites every marked code block in the user's Markdown from the example it names, so that an
 * edited example is pasted back into its README or docs page instead of copied by hand.
 * `npm run snippets:sync`; the snippet checker (examples/test/snippets.test.ts) then passes.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const markdown_snippets_1 = require("../test/support/markdown-snippets");
for (const file of (0, markdown_snippets_1.userMarkdownFiles)()) {
    const lines = (0, node_fs_1.readFileSync)(file, "utf8").split("\n");
    let changed = 0;
    // From the end, so that earlier blocks' line numbers stay valid while later ones change length.
    for (const block of (0, markdown_snippets_1.codeBlocks)(lines.join("\n")).reverse()) {
        if (block.marker === undefined)
            continue;
        let expected;
        try {
            expected = (0, markdown_snippets_1.exampleText)(block.marker).lines;
        }
        catch (error) {
            console.error(`${(0, node_path_1.relative)(markdown_snippets_1.ROOT, file)}:${block.line}: ${error.message}`);
            process.exitCode = 1;
            continue;
        }
        if (expected.join("\n") === block.content.join("\n"))
            continue;
        const indent = /^ */.exec(lines[block.line - 1] ?? "")?.[0] ?? "";
        lines.splice(block.line, block.content.length, ...expected.map((line) => (line === "" ? "" : indent + line)));
        changed++;
    }
    if (changed > 0) {
        (0, node_fs_1.writeFileSync)(file, lines.join("\n"));
        console.log(`${(0, node_path_1.relative)(markdown_snippets_1.ROOT, file)}: ${changed} block(s) updated`);
    }
}
//# sourceMappingURL=sync-snippets.js.map