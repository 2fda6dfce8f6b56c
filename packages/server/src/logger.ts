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

type Write = (line: string) => void;

function format(objOrMsg: object | string, msg: string | undefined): string {
  if (typeof objOrMsg === "string") return objOrMsg;
  const err = (objOrMsg as { err?: unknown }).err;
  // The stack already starts with the error's message, so it replaces it rather than repeating it.
  const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : "";
  return `${msg ?? ""}${detail}`;
}

function method(write: Write): Logger["info"] {
  return (objOrMsg, msg) => write(format(objOrMsg, msg));
}

/** The console logger's levels, most verbose first; each shows itself and everything after it. */
export const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (logLevels as readonly string[]).includes(value);
}

/**
 * Writes info lines (the access log) to stdout and debug lines, warnings and errors to stderr.
 * `level` (default "info") drops everything less severe; `debug: true` is `level: "debug"`.
 */
export function createConsoleLogger(options: { level?: LogLevel; debug?: boolean } = {}): Logger {
  const level = options.level ?? (options.debug === true ? "debug" : "info");
  const shown = (at: LogLevel): boolean => logLevels.indexOf(at) >= logLevels.indexOf(level);
  const out: Write = (line) => process.stdout.write(`${line}\n`);
  const err: Write = (line) => process.stderr.write(`${line}\n`);
  const drop = (): void => undefined;
  return {
    info: shown("info") ? method(out) : drop,
    warn: shown("warn") ? method(err) : drop,
    error: shown("error") ? method(err) : drop,
    debug: shown("debug") ? method(err) : drop,
  };
}

export const consoleLogger: Logger = createConsoleLogger();

const noop = (): void => undefined;

/** Logs nothing: for tests. */
export const silentLogger: Logger = { info: noop, warn: noop, error: noop, debug: noop };
