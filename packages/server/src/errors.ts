import { ChannelsError, ErrorCode } from "@channels-ts/core";

/** An option passed to `serve()`, `attach()` or the CLI is unknown, out of range or conflicts with another. */
export class InvalidServerOption extends ChannelsError {
  readonly option: string;
  constructor(option: string, message: string) {
    super(ErrorCode.INVALID_SERVER_OPTION, message);
    this.option = option;
  }
}

/** The application answered `lifespan.startup` with `lifespan.startup.failed`; the server does not start. */
export class LifespanStartupFailed extends ChannelsError {
  constructor(reason: string) {
    super(ErrorCode.LIFESPAN_STARTUP_FAILED, `Application startup failed: ${reason || "(no message)"}`);
  }
}

/** The CLI could not find an application in the module it was given. */
export class ApplicationLoadError extends ChannelsError {
  constructor(message: string, cause?: unknown) {
    super(ErrorCode.APPLICATION_LOAD_FAILED, message, { cause });
  }
}

/** A `.ts` application was given to the CLI, but no TypeScript loader (tsx) can be found. */
export class TypeScriptLoaderMissing extends ChannelsError {
  readonly file: string;
  constructor(file: string, cause?: unknown) {
    super(
      "TYPESCRIPT_LOADER_MISSING",
      `Cannot load ${file}: running a TypeScript application needs tsx, which is not installed; ` +
        "install it with `npm install --save-dev tsx`, or compile the application and serve the .js file.",
      { cause },
    );
    this.file = file;
  }
}

/** The command line names an unknown command or flag, or a flag's value is missing or invalid (exit status 2). */
export class CliUsageError extends ChannelsError {
  /** The command whose `--help` explains the fix ("serve", "worker", or "" for the top level). */
  readonly command: string;
  constructor(message: string, command = "") {
    super(ErrorCode.USAGE_ERROR, message);
    this.command = command;
  }
}
