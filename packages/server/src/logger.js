"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.silentLogger = exports.consoleLogger = exports.logLevels = void 0;
exports.isLogLevel = isLogLevel;
exports.createConsoleLogger = createConsoleLogger;
function format(objOrMsg, msg) {
    if (typeof objOrMsg === "string")
        return objOrMsg;
    const err = objOrMsg.err;
    // The stack already starts with the error's message, so it replaces it rather than repeating it.
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : "";
    return `${msg ?? ""}${detail}`;
}
function method(write) {
    return (objOrMsg, msg) => write(format(objOrMsg, msg));
}
/** The console logger's levels, most verbose first; each shows itself and everything after it. */
exports.logLevels = ["debug", "info", "warn", "error", "silent"];
function isLogLevel(value) {
    return typeof value === "string" && exports.logLevels.includes(value);
}
/**
 * Writes info lines (the access log) to stdout and debug lines, warnings and errors to stderr.
 * `level` (default "info") drops everything less severe; `debug: true` is `level: "debug"`.
 */
function createConsoleLogger(options = {}) {
    const level = options.level ?? (options.debug === true ? "debug" : "info");
    const shown = (at) => exports.logLevels.indexOf(at) >= exports.logLevels.indexOf(level);
    const out = (line) => process.stdout.write(`${line}\n`);
    const err = (line) => process.stderr.write(`${line}\n`);
    const drop = () => undefined;
    return {
        info: shown("info") ? method(out) : drop,
        warn: shown("warn") ? method(err) : drop,
        error: shown("error") ? method(err) : drop,
        debug: shown("debug") ? method(err) : drop,
    };
}
exports.consoleLogger = createConsoleLogger();
const noop = () => undefined;
/** Logs nothing: for tests. */
exports.silentLogger = { info: noop, warn: noop, error: noop, debug: noop };
//# sourceMappingURL=logger.js.map