import type { Logger } from "@channels-ts/server";
export interface LogEntry {
    level: "info" | "warn" | "error" | "debug";
    obj: object | undefined;
    msg: string;
}
/** A Logger that records every call; `waitFor` resolves on the first entry matching. */
export declare function recordingLogger(): Logger & {
    entries: LogEntry[];
    waitFor(match: (e: LogEntry) => boolean): Promise<LogEntry>;
};
