import type { TestProcess, TestProcesses } from "@channels-ts/test-fixtures";
import { ROOT } from "./markdown-snippets";

/**
 * `file` (relative to the repository root) run as a reader runs it (`npx tsx file.ts`), but as one
 * `node --import tsx` process, so that a signal to its PID reaches the example itself; on
 * 127.0.0.1 and a free port, with `env` added.
 */
export function startExample(processes: TestProcesses, file: string, env: Record<string, string> = {}): TestProcess {
  return processes.start(process.execPath, ["--import", "tsx", file], {
    name: file,
    cwd: ROOT, // tsx reads the root tsconfig's paths, which map @channels-ts/* to the sources
    env: { HOST: "127.0.0.1", PORT: "0", ...env },
  });
}
