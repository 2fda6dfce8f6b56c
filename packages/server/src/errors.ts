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
