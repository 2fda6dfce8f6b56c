"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CliUsageError = exports.TypeScriptLoaderMissing = exports.ApplicationLoadError = exports.LifespanStartupFailed = exports.InvalidServerOption = void 0;
const core_1 = require("@channels-ts/core");
/** An option passed to `serve()`, `attach()` or the CLI is unknown, out of range or conflicts with another. */
class InvalidServerOption extends core_1.ChannelsError {
    option;
    constructor(option, message) {
        super(core_1.ErrorCode.INVALID_SERVER_OPTION, message);
        this.option = option;
    }
}
exports.InvalidServerOption = InvalidServerOption;
/** The application answered `lifespan.startup` with `lifespan.startup.failed`; the server does not start. */
class LifespanStartupFailed extends core_1.ChannelsError {
    constructor(reason) {
        super(core_1.ErrorCode.LIFESPAN_STARTUP_FAILED, `Application startup failed: ${reason || "(no message)"}`);
    }
}
exports.LifespanStartupFailed = LifespanStartupFailed;
/** The CLI could not find an application in the module it was given. */
class ApplicationLoadError extends core_1.ChannelsError {
    constructor(message, cause) {
        super(core_1.ErrorCode.APPLICATION_LOAD_FAILED, message, { cause });
    }
}
exports.ApplicationLoadError = ApplicationLoadError;
/** A `.ts` application was given to the CLI, but no TypeScript loader (tsx) can be found. */
class TypeScriptLoaderMissing extends core_1.ChannelsError {
    file;
    constructor(file, cause) {
        super("TYPESCRIPT_LOADER_MISSING", `Cannot load ${file}: running a TypeScript application needs tsx, which is not installed; ` +
            "install it with `npm install --save-dev tsx`, or compile the application and serve the .js file.", { cause });
        this.file = file;
    }
}
exports.TypeScriptLoaderMissing = TypeScriptLoaderMissing;
/** The command line names an unknown command or flag, or a flag's value is missing or invalid (exit status 2). */
class CliUsageError extends core_1.ChannelsError {
    /** The command whose `--help` explains the fix ("serve", "worker", or "" for the top level). */
    command;
    constructor(message, command = "") {
        super(core_1.ErrorCode.USAGE_ERROR, message);
        this.command = command;
    }
}
exports.CliUsageError = CliUsageError;
//# sourceMappingURL=errors.js.map