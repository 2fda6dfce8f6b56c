// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />

// The public surface of @channels-ts/server, named one by one; anything else is internal.
export { serve, type ServerHandle } from "./serve";
export { attach, type AttachHandle } from "./attach";
export { serverDefaults, type AttachOptions, type PathFilter, type ServeOptions, type ServerOptions } from "./options";
export {
  consoleLogger,
  createConsoleLogger,
  isLogLevel,
  logLevels,
  silentLogger,
  type LogLevel,
  type Logger,
} from "./logger";
export { stopOnShutdownSignals } from "./shutdown-signals";
export {
  ApplicationLoadError,
  CliUsageError,
  InvalidServerOption,
  LifespanStartupFailed,
  TypeScriptLoaderMissing,
} from "./errors";
export { ListenError, ListenFailed, PortInUse } from "./listen-errors";
