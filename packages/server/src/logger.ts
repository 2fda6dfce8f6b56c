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

/** Writes info lines (the access log) to stdout and warnings/errors to stderr; debug is dropped. */
export function createConsoleLogger(options: { debug?: boolean } = {}): Logger {
  const out: Write = (line) => process.stdout.write(`${line}\n`);
  const err: Write = (line) => process.stderr.write(`${line}\n`);
  return {
    info: method(out),
    warn: method(err),
    error: method(err),
    debug: options.debug === true ? method(err) : () => undefined,
  };
}

export const consoleLogger: Logger = createConsoleLogger();

const noop = (): void => undefined;

/** Logs nothing: for tests. */
export const silentLogger: Logger = { info: noop, warn: noop, error: noop, debug: noop };
