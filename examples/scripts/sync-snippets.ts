/**
 * Rewrites every marked code block in the user's Markdown from the example it names, so that an
 * edited example is pasted back into its README or docs page instead of copied by hand.
 * `npm run snippets:sync`; the snippet checker (examples/test/snippets.test.ts) then passes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { codeBlocks, exampleText, ROOT, userMarkdownFiles } from "../test/support/markdown-snippets";

for (const file of userMarkdownFiles()) {
  const lines = readFileSync(file, "utf8").split("\n");
  let changed = 0;
  // From the end, so that earlier blocks' line numbers stay valid while later ones change length.
  for (const block of codeBlocks(lines.join("\n")).reverse()) {
    if (block.marker === undefined) continue;
    let expected: string[];
    try {
      expected = exampleText(block.marker).lines;
    } catch (error) {
      console.error(`${relative(ROOT, file)}:${block.line}: ${(error as Error).message}`);
      process.exitCode = 1;
      continue;
    }
    if (expected.join("\n") === block.content.join("\n")) continue;
    const indent = /^ */.exec(lines[block.line - 1] ?? "")?.[0] ?? "";
    lines.splice(block.line, block.content.length, ...expected.map((line) => (line === "" ? "" : indent + line)));
    changed++;
  }
  if (changed > 0) {
    writeFileSync(file, lines.join("\n"));
    console.log(`${relative(ROOT, file)}: ${changed} block(s) updated`);
  }
}
