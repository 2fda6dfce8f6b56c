import { type ChildProcess } from "node:child_process";
/** How a process ended. */
export interface Exit {
    code: number | null;
    signal: NodeJS.Signals | null;
}
export interface ProcessOptions {
    /** Shown in errors, so a failing test says which process misbehaved; the command by default. */
    name?: string;
    cwd?: string;
    /** Laid over this process's environment; a variable set to `undefined` is removed. */
    env?: Record<string, string | undefined>;
    /**
     * Its own process group, for a command that runs the real program in a grandchild (npm, npx,
     * tsx): a SIGKILL then goes to the whole group, and so can a signal sent as a terminal sends it.
     */
    detached?: boolean;
}
/**
 * A command run as a child process that a test owns: its output collected, lines awaited with a
 * bound, stopped by its PID (SIGTERM, then SIGKILL). `await using app = startProcess(...)` stops
 * it when the block ends; `useProcesses()` stops those started through it after each test (or
 * after the block).
 */
export declare class TestProcess implements AsyncDisposable {
    readonly name: string;
    private readonly child;
    private readonly detached;
    private out;
    private err;
    private both;
    private ended;
    private stopping;
    /** Resolves once the process has exited and its output is read to the end (every process holding the pipes is gone). */
    readonly exited: Promise<Exit>;
    constructor(name: string, child: ChildProcess, detached: boolean);
    get pid(): number;
    /** Everything it wrote so far, stdout and stderr as they came. */
    get output(): string;
    get stdout(): string;
    get stderr(): string;
    get alive(): boolean;
    /** Sends `signal` to the process (by its PID), as `kill -<signal> <pid>` does. */
    kill(signal: NodeJS.Signals): void;
    /**
     * The first match of `pattern` in the output, written already or to come. Rejects, naming the
     * pattern and the output so far, if the process ends first or nothing matches within `timeoutMs`.
     */
    waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
    /**
     * SIGTERM, as `kill <pid>` or `docker stop` sends; SIGKILL (to the group, if detached) when it
     * has not ended within `graceMs`. Resolves with how it ended and whether it had to be killed.
     */
    stop(graceMs?: number): Promise<Exit & {
        killed: boolean;
    }>;
    private terminate;
    private killAll;
    [Symbol.asyncDispose](): Promise<void>;
}
/** Starts `command` with its output piped (stdin closed); stop it with `await using` or `stop()`. */
export declare function startProcess(command: string, args: readonly string[], options?: ProcessOptions): TestProcess;
/** The processes a block of tests starts, disposed together. */
export declare class TestProcesses implements AsyncDisposable {
    private readonly running;
    start(command: string, args: readonly string[], options?: ProcessOptions): TestProcess;
    [Symbol.asyncDispose](): Promise<void>;
}
/**
 * Processes started through it are stopped after each test (`"each"`) or after the enclosing
 * describe block (`"all"`). Declare it after the hooks whose teardown must come first.
 */
export declare function useProcesses(after?: "each" | "all", timeoutMs?: number): TestProcesses;
