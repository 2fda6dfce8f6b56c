/// <reference types="node" preserve="true" />
export { serve, type ServerHandle } from "./serve";
export { attach, type AttachHandle } from "./attach";
export { serverDefaults, type AttachOptions, type PathFilter, type ServeOptions, type ServerOptions } from "./options";
export { consoleLogger, createConsoleLogger, isLogLevel, logLevels, silentLogger, type LogLevel, type Logger, } from "./logger";
export { stopOnShutdownSignals } from "./shutdown-signals";
export { ApplicationLoadError, CliUsageError, InvalidServerOption, LifespanStartupFailed, TypeScriptLoaderMissing, } from "./errors";
export { ListenError, ListenFailed, PortInUse } from "./listen-errors";
