export { ProtocolTypeRouter, type ProtocolTypeApplications } from "./protocol-type-router";
export { URLRouter, isURLRouter, type URLRouterApplication } from "./url-router";
export { ChannelNameRouter } from "./channel-name-router";
export { path, rePath, type Route, type RouteKwargs, type PatternMatch } from "./route";
export { registerConverter, type PathConverter } from "./converters";
export { PATH_ROUTING, URL_ROUTES, markPathRouting, isPathRouting } from "./path-routing";
export {
  UnknownProtocolType,
  UnknownChannelName,
  ScopeKeyMissing,
  InvalidRoute,
  NotAnApplication,
} from "./routing-errors";
