import type { ChildProcessWithoutNullStreams } from "node:child_process";
/** A child process (the Python peers) spoken to in JSON lines: one JSON value a line, each way. */
export declare class JsonLinesPeer {
    protected readonly child: ChildProcessWithoutNullStreams;
    private readonly lines;
    private readonly waiters;
    private stderr;
    readonly exited: Promise<number | null>;
    constructor(child: ChildProcessWithoutNullStreams);
    /** The next line the peer printed, parsed; an error with its stderr if it exits first. */
    next(): Promise<Record<string, unknown>>;
    write(value: unknown): void;
    kill(): void;
}
