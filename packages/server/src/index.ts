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
