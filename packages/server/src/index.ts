// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />
export { serve, type ServerHandle } from "./serve";
export { attach, pathMatcher, type AttachHandle } from "./attach";
export { ChannelsServer } from "./channels-server";
export {
  serverDefaults,
  resolveOptions,
  type ServerOptions,
  type ServeOptions,
  type AttachOptions,
  type PathFilter,
  type ResolvedServerOptions,
} from "./options";
export { consoleLogger, createConsoleLogger, silentLogger, type Logger } from "./logger";
export { formatAccessLine, formatLogDate, type WebsocketAction } from "./access-log";
export { InvalidServerOption, LifespanStartupFailed, ApplicationLoadError } from "./errors";
