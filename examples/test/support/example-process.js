"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startExample = startExample;
const markdown_snippets_1 = require("./markdown-snippets");
/**
 * `file` (relative to the repository root) run as a reader runs it (`npx tsx file.ts`), but as one
 * `node --import tsx` process, so that a signal to its PID reaches the example itself; on
 * 127.0.0.1 and a free port, with `env` added.
 */
function startExample(processes, file, env = {}) {
    return processes.start(process.execPath, ["--import", "tsx", file], {
        name: file,
        cwd: markdown_snippets_1.ROOT, // tsx reads the root tsconfig's paths, which map @channels-ts/* to the sources
        env: { HOST: "127.0.0.1", PORT: "0", ...env },
    });
}
//# sourceMappingURL=example-process.js.map