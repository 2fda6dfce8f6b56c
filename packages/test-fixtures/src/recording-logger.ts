import type { Logger } from "@channels-ts/server";

export interface LogEntry {
  level: "info" | "warn" | "error" | "debug";
  obj: object | undefined;
  msg: string;
}

/** A Logger that records every call; `waitFor` resolves on the first entry matching. */
export function recordingLogger(): Logger & {
  entries: LogEntry[];
  waitFor(match: (e: LogEntry) => boolean): Promise<LogEntry>;
} {
  const entries: LogEntry[] = [];
  const watchers: Array<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }> = [];
  const record = (level: LogEntry["level"]) => (objOrMsg: object | string, msg?: string) => {
    const entry: LogEntry =
      typeof objOrMsg === "string"
        ? { level, obj: undefined, msg: objOrMsg }
        : { level, obj: objOrMsg, msg: msg ?? "" };
    entries.push(entry);
    for (let i = watchers.length - 1; i >= 0; i--) {
      const w = watchers[i]!;
      if (w.match(entry)) {
        watchers.splice(i, 1);
        w.resolve(entry);
      }
    }
  };
  return {
    entries,
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    debug: record("debug"),
    waitFor(match) {
      const found = entries.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => watchers.push({ match, resolve }));
    },
  };
}
