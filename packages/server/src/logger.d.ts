/**
 * The logging seam: the four methods of pino's logger that the server calls, so a pino (or
 * bunyan-like) logger can be passed as is. `obj` carries structured fields; `msg` is the line.
 */
export interface Logger {
    info(objOrMsg: object | string, msg?: string): void;
    warn(objOrMsg: object | string, msg?: string): void;
    error(objOrMsg: object | string, msg?: string): void;
    debug(objOrMsg: object | string, msg?: string): void;
}
/** The console logger's levels, most verbose first; each shows itself and everything after it. */
export declare const logLevels: readonly ["debug", "info", "warn", "error", "silent"];
export type LogLevel = (typeof logLevels)[number];
export declare function isLogLevel(value: unknown): value is LogLevel;
/**
 * Writes info lines (the access log) to stdout and debug lines, warnings and errors to stderr.
 * `level` (default "info") drops everything less severe; `debug: true` is `level: "debug"`.
 */
export declare function createConsoleLogger(options?: {
    level?: LogLevel;
    debug?: boolean;
}): Logger;
export declare const consoleLogger: Logger;
/** Logs nothing: for tests. */
export declare const silentLogger: Logger;
