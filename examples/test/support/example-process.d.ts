import type { TestProcess, TestProcesses } from "@channels-ts/test-fixtures";
/**
 * `file` (relative to the repository root) run as a reader runs it (`npx tsx file.ts`), but as one
 * `node --import tsx` process, so that a signal to its PID reaches the example itself; on
 * 127.0.0.1 and a free port, with `env` added.
 */
export declare function startExample(processes: TestProcesses, file: string, env?: Record<string, string>): TestProcess;
