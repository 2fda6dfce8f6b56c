// The public surface of @channels-ts/server, named one by one; anything else is internal.
export { serve, type ServerHandle } from "./serve";
export { attach, type AttachHandle } from "./attach";
export { serverDefaults, type AttachOptions, type PathFilter, type ServeOptions, type ServerOptions } from "./options";
export { consoleLogger, createConsoleLogger, silentLogger, type Logger } from "./logger";
export { ApplicationLoadError, InvalidServerOption, LifespanStartupFailed } from "./errors";
