"use strict";
// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />
Object.defineProperty(exports, "__esModule", { value: true });
exports.AnonymousUser = exports.SessionMiddlewareStack = exports.SessionMiddleware = exports.Session = exports.MemorySessionStore = exports.CookieMiddleware = exports.setCookieHeader = exports.deleteCookieHeader = exports.parseCookies = exports.MiddlewareConfigError = exports.InvalidCookie = exports.BaseMiddleware = exports.HttpConsumer = exports.UNSUPPORTED_DATA_CLOSE_CODE = exports.JsonWebsocketConsumer = exports.INVALID_JSON_CLOSE_CODE = exports.WebsocketConsumer = exports.AsyncConsumer = exports.UnknownProtocolType = exports.UnknownChannelName = exports.ScopeKeyMissing = exports.NotAnApplication = exports.InvalidRoute = exports.markPathRouting = exports.registerConverter = exports.rePath = exports.path = exports.ChannelNameRouter = exports.URLRouter = exports.ProtocolTypeRouter = exports.InvalidLayerOption = exports.ChannelReceiveAborted = exports.ChannelLayerClosed = exports.getChannelLayer = exports.channelLayers = exports.InvalidChannelLayerConfig = exports.DEFAULT_CHANNEL_LAYER = exports.ChannelLayerRegistry = exports.InMemoryChannelLayer = exports.StopConsumer = exports.RouteNotFound = exports.ProtocolError = exports.HandlerNotFound = exports.ErrorCode = exports.DenyConnection = exports.CommunicatorTimeout = exports.ChannelsError = exports.ChannelLayerMissing = exports.ChannelFull = exports.AcceptConnection = void 0;
exports.decodePath = exports.WorkerStopped = exports.Worker = exports.HttpCommunicator = exports.WebsocketCommunicator = exports.ApplicationCommunicator = exports.ApplicationCancelled = exports.denyWebsocket = exports.AllowedHostsOriginValidator = exports.OriginValidator = exports.sessionUserResolver = exports.AuthMiddlewareStack = exports.AuthMiddleware = exports.logout = exports.login = exports.getSession = exports.SESSION_USER_ID_KEY = exports.SESSION_USER_HASH_KEY = exports.isAuthenticated = void 0;
// Errors: one base class, one table of codes.
var errors_1 = require("./errors");
Object.defineProperty(exports, "AcceptConnection", { enumerable: true, get: function () { return errors_1.AcceptConnection; } });
Object.defineProperty(exports, "ChannelFull", { enumerable: true, get: function () { return errors_1.ChannelFull; } });
Object.defineProperty(exports, "ChannelLayerMissing", { enumerable: true, get: function () { return errors_1.ChannelLayerMissing; } });
Object.defineProperty(exports, "ChannelsError", { enumerable: true, get: function () { return errors_1.ChannelsError; } });
Object.defineProperty(exports, "CommunicatorTimeout", { enumerable: true, get: function () { return errors_1.CommunicatorTimeout; } });
Object.defineProperty(exports, "DenyConnection", { enumerable: true, get: function () { return errors_1.DenyConnection; } });
Object.defineProperty(exports, "ErrorCode", { enumerable: true, get: function () { return errors_1.ErrorCode; } });
Object.defineProperty(exports, "HandlerNotFound", { enumerable: true, get: function () { return errors_1.HandlerNotFound; } });
Object.defineProperty(exports, "ProtocolError", { enumerable: true, get: function () { return errors_1.ProtocolError; } });
Object.defineProperty(exports, "RouteNotFound", { enumerable: true, get: function () { return errors_1.RouteNotFound; } });
Object.defineProperty(exports, "StopConsumer", { enumerable: true, get: function () { return errors_1.StopConsumer; } });
var in_memory_channel_layer_1 = require("./layers/in-memory-channel-layer");
Object.defineProperty(exports, "InMemoryChannelLayer", { enumerable: true, get: function () { return in_memory_channel_layer_1.InMemoryChannelLayer; } });
var channel_layer_registry_1 = require("./layers/channel-layer-registry");
Object.defineProperty(exports, "ChannelLayerRegistry", { enumerable: true, get: function () { return channel_layer_registry_1.ChannelLayerRegistry; } });
Object.defineProperty(exports, "DEFAULT_CHANNEL_LAYER", { enumerable: true, get: function () { return channel_layer_registry_1.DEFAULT_CHANNEL_LAYER; } });
Object.defineProperty(exports, "InvalidChannelLayerConfig", { enumerable: true, get: function () { return channel_layer_registry_1.InvalidChannelLayerConfig; } });
Object.defineProperty(exports, "channelLayers", { enumerable: true, get: function () { return channel_layer_registry_1.channelLayers; } });
Object.defineProperty(exports, "getChannelLayer", { enumerable: true, get: function () { return channel_layer_registry_1.getChannelLayer; } });
var layer_errors_1 = require("./layers/layer-errors");
Object.defineProperty(exports, "ChannelLayerClosed", { enumerable: true, get: function () { return layer_errors_1.ChannelLayerClosed; } });
Object.defineProperty(exports, "ChannelReceiveAborted", { enumerable: true, get: function () { return layer_errors_1.ChannelReceiveAborted; } });
Object.defineProperty(exports, "InvalidLayerOption", { enumerable: true, get: function () { return layer_errors_1.InvalidLayerOption; } });
// Routing.
var protocol_type_router_1 = require("./routing/protocol-type-router");
Object.defineProperty(exports, "ProtocolTypeRouter", { enumerable: true, get: function () { return protocol_type_router_1.ProtocolTypeRouter; } });
var url_router_1 = require("./routing/url-router");
Object.defineProperty(exports, "URLRouter", { enumerable: true, get: function () { return url_router_1.URLRouter; } });
var channel_name_router_1 = require("./routing/channel-name-router");
Object.defineProperty(exports, "ChannelNameRouter", { enumerable: true, get: function () { return channel_name_router_1.ChannelNameRouter; } });
var route_1 = require("./routing/route");
Object.defineProperty(exports, "path", { enumerable: true, get: function () { return route_1.path; } });
Object.defineProperty(exports, "rePath", { enumerable: true, get: function () { return route_1.rePath; } });
var converters_1 = require("./routing/converters");
Object.defineProperty(exports, "registerConverter", { enumerable: true, get: function () { return converters_1.registerConverter; } });
var path_routing_1 = require("./routing/path-routing");
Object.defineProperty(exports, "markPathRouting", { enumerable: true, get: function () { return path_routing_1.markPathRouting; } });
var routing_errors_1 = require("./routing/routing-errors");
Object.defineProperty(exports, "InvalidRoute", { enumerable: true, get: function () { return routing_errors_1.InvalidRoute; } });
Object.defineProperty(exports, "NotAnApplication", { enumerable: true, get: function () { return routing_errors_1.NotAnApplication; } });
Object.defineProperty(exports, "ScopeKeyMissing", { enumerable: true, get: function () { return routing_errors_1.ScopeKeyMissing; } });
Object.defineProperty(exports, "UnknownChannelName", { enumerable: true, get: function () { return routing_errors_1.UnknownChannelName; } });
Object.defineProperty(exports, "UnknownProtocolType", { enumerable: true, get: function () { return routing_errors_1.UnknownProtocolType; } });
var async_consumer_1 = require("./consumers/async-consumer");
Object.defineProperty(exports, "AsyncConsumer", { enumerable: true, get: function () { return async_consumer_1.AsyncConsumer; } });
var websocket_consumer_1 = require("./consumers/websocket-consumer");
Object.defineProperty(exports, "WebsocketConsumer", { enumerable: true, get: function () { return websocket_consumer_1.WebsocketConsumer; } });
var json_websocket_consumer_1 = require("./consumers/json-websocket-consumer");
Object.defineProperty(exports, "INVALID_JSON_CLOSE_CODE", { enumerable: true, get: function () { return json_websocket_consumer_1.INVALID_JSON_CLOSE_CODE; } });
Object.defineProperty(exports, "JsonWebsocketConsumer", { enumerable: true, get: function () { return json_websocket_consumer_1.JsonWebsocketConsumer; } });
Object.defineProperty(exports, "UNSUPPORTED_DATA_CLOSE_CODE", { enumerable: true, get: function () { return json_websocket_consumer_1.UNSUPPORTED_DATA_CLOSE_CODE; } });
var http_consumer_1 = require("./consumers/http-consumer");
Object.defineProperty(exports, "HttpConsumer", { enumerable: true, get: function () { return http_consumer_1.HttpConsumer; } });
// Middleware: cookies, sessions, authentication, origin checks.
var base_middleware_1 = require("./middleware/base-middleware");
Object.defineProperty(exports, "BaseMiddleware", { enumerable: true, get: function () { return base_middleware_1.BaseMiddleware; } });
var errors_2 = require("./middleware/errors");
Object.defineProperty(exports, "InvalidCookie", { enumerable: true, get: function () { return errors_2.InvalidCookie; } });
Object.defineProperty(exports, "MiddlewareConfigError", { enumerable: true, get: function () { return errors_2.MiddlewareConfigError; } });
var parse_cookies_1 = require("./middleware/parse-cookies");
Object.defineProperty(exports, "parseCookies", { enumerable: true, get: function () { return parse_cookies_1.parseCookies; } });
var set_cookie_header_1 = require("./middleware/set-cookie-header");
Object.defineProperty(exports, "deleteCookieHeader", { enumerable: true, get: function () { return set_cookie_header_1.deleteCookieHeader; } });
Object.defineProperty(exports, "setCookieHeader", { enumerable: true, get: function () { return set_cookie_header_1.setCookieHeader; } });
var cookie_middleware_1 = require("./middleware/cookie-middleware");
Object.defineProperty(exports, "CookieMiddleware", { enumerable: true, get: function () { return cookie_middleware_1.CookieMiddleware; } });
var memory_session_store_1 = require("./middleware/memory-session-store");
Object.defineProperty(exports, "MemorySessionStore", { enumerable: true, get: function () { return memory_session_store_1.MemorySessionStore; } });
var session_1 = require("./middleware/session");
Object.defineProperty(exports, "Session", { enumerable: true, get: function () { return session_1.Session; } });
var session_middleware_1 = require("./middleware/session-middleware");
Object.defineProperty(exports, "SessionMiddleware", { enumerable: true, get: function () { return session_middleware_1.SessionMiddleware; } });
Object.defineProperty(exports, "SessionMiddlewareStack", { enumerable: true, get: function () { return session_middleware_1.SessionMiddlewareStack; } });
var user_1 = require("./middleware/user");
Object.defineProperty(exports, "AnonymousUser", { enumerable: true, get: function () { return user_1.AnonymousUser; } });
Object.defineProperty(exports, "isAuthenticated", { enumerable: true, get: function () { return user_1.isAuthenticated; } });
var login_1 = require("./middleware/login");
Object.defineProperty(exports, "SESSION_USER_HASH_KEY", { enumerable: true, get: function () { return login_1.SESSION_USER_HASH_KEY; } });
Object.defineProperty(exports, "SESSION_USER_ID_KEY", { enumerable: true, get: function () { return login_1.SESSION_USER_ID_KEY; } });
Object.defineProperty(exports, "getSession", { enumerable: true, get: function () { return login_1.getSession; } });
Object.defineProperty(exports, "login", { enumerable: true, get: function () { return login_1.login; } });
Object.defineProperty(exports, "logout", { enumerable: true, get: function () { return login_1.logout; } });
var auth_middleware_1 = require("./middleware/auth-middleware");
Object.defineProperty(exports, "AuthMiddleware", { enumerable: true, get: function () { return auth_middleware_1.AuthMiddleware; } });
Object.defineProperty(exports, "AuthMiddlewareStack", { enumerable: true, get: function () { return auth_middleware_1.AuthMiddlewareStack; } });
Object.defineProperty(exports, "sessionUserResolver", { enumerable: true, get: function () { return auth_middleware_1.sessionUserResolver; } });
var origin_validator_1 = require("./middleware/origin-validator");
Object.defineProperty(exports, "OriginValidator", { enumerable: true, get: function () { return origin_validator_1.OriginValidator; } });
var allowed_hosts_origin_validator_1 = require("./middleware/allowed-hosts-origin-validator");
Object.defineProperty(exports, "AllowedHostsOriginValidator", { enumerable: true, get: function () { return allowed_hosts_origin_validator_1.AllowedHostsOriginValidator; } });
var deny_websocket_1 = require("./middleware/deny-websocket");
Object.defineProperty(exports, "denyWebsocket", { enumerable: true, get: function () { return deny_websocket_1.denyWebsocket; } });
// Test kit (channels.testing).
var application_communicator_1 = require("./testing/application-communicator");
Object.defineProperty(exports, "ApplicationCancelled", { enumerable: true, get: function () { return application_communicator_1.ApplicationCancelled; } });
Object.defineProperty(exports, "ApplicationCommunicator", { enumerable: true, get: function () { return application_communicator_1.ApplicationCommunicator; } });
var websocket_communicator_1 = require("./testing/websocket-communicator");
Object.defineProperty(exports, "WebsocketCommunicator", { enumerable: true, get: function () { return websocket_communicator_1.WebsocketCommunicator; } });
var http_communicator_1 = require("./testing/http-communicator");
Object.defineProperty(exports, "HttpCommunicator", { enumerable: true, get: function () { return http_communicator_1.HttpCommunicator; } });
// Worker (runworker).
var worker_1 = require("./worker");
Object.defineProperty(exports, "Worker", { enumerable: true, get: function () { return worker_1.Worker; } });
Object.defineProperty(exports, "WorkerStopped", { enumerable: true, get: function () { return worker_1.WorkerStopped; } });
// For servers: how a raw request path becomes the ASGI `path` (used by @channels-ts/server and
// the communicators, so that both decode alike).
var decode_path_1 = require("./util/decode-path");
Object.defineProperty(exports, "decodePath", { enumerable: true, get: function () { return decode_path_1.decodePath; } });
//# sourceMappingURL=index.js.map