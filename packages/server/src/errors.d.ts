import { ChannelsError } from "@channels-ts/core";
/** An option passed to `serve()`, `attach()` or the CLI is unknown, out of range or conflicts with another. */
export declare class InvalidServerOption extends ChannelsError {
    readonly option: string;
    constructor(option: string, message: string);
}
/** The application answered `lifespan.startup` with `lifespan.startup.failed`; the server does not start. */
export declare class LifespanStartupFailed extends ChannelsError {
    constructor(reason: string);
}
/** The CLI could not find an application in the module it was given. */
export declare class ApplicationLoadError extends ChannelsError {
    constructor(message: string, cause?: unknown);
}
/** A `.ts` application was given to the CLI, but no TypeScript loader (tsx) can be found. */
export declare class TypeScriptLoaderMissing extends ChannelsError {
    readonly file: string;
    constructor(file: string, cause?: unknown);
}
/** The command line names an unknown command or flag, or a flag's value is missing or invalid (exit status 2). */
export declare class CliUsageError extends ChannelsError {
    /** The command whose `--help` explains the fix ("serve", "worker", or "" for the top level). */
    readonly command: string;
    constructor(message: string, command?: string);
}
