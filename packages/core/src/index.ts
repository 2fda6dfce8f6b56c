// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />

// The public surface of @channels-ts/core, named one by one: whatever is not listed here is an
// internal that may change in any release. What only channel layer authors need (option
// resolution, capacities, validators, the contract suite) is on "@channels-ts/core/layer-kit".

// The application model (ASGI): scopes, messages, the one application signature.
export type {
  Application,
  ChannelScope,
  ConnectionScope,
  Headers,
  HostPort,
  HttpScope,
  LifespanScope,
  Message,
  Receive,
  Scope,
  Send,
  UrlRoute,
  WebsocketScope,
  WireValue,
} from "./types";

// The ASGI events, both ways: what the server sends the application and what it sends back.
export type {
  ReceiveEvent,
  SendEvent,
  ReceiveEventMap,
  ReceiveEventOf,
  WebsocketInboundEvent,
  WebsocketOutboundEvent,
  WebsocketConnectEvent,
  WebsocketReceiveEvent,
  WebsocketDisconnectEvent,
  WebsocketAcceptEvent,
  WebsocketSendEvent,
  WebsocketCloseEvent,
  HttpInboundEvent,
  HttpOutboundEvent,
  HttpRequestEvent,
  HttpDisconnectEvent,
  HttpResponseStartEvent,
  HttpResponseBodyEvent,
  LifespanInboundEvent,
  LifespanOutboundEvent,
  LifespanStartupEvent,
  LifespanShutdownEvent,
  LifespanStartupCompleteEvent,
  LifespanStartupFailedEvent,
  LifespanShutdownCompleteEvent,
  LifespanShutdownFailedEvent,
} from "./events";

// Errors: one base class, one table of codes.
export {
  AcceptConnection,
  ChannelFull,
  ChannelLayerMissing,
  ChannelsError,
  CommunicatorTimeout,
  DenyConnection,
  ErrorCode,
  HandlerNotFound,
  ProtocolError,
  RouteNotFound,
  StopConsumer,
  TooManyGroups,
} from "./errors";

// Channel layers: the contract, the in-memory layer and the per-process registry.
export type {
  ChannelLayer,
  ChannelLayerOptions,
  LayerReceiver,
  LayerStats,
  ReceiveOptions,
} from "./layers/channel-layer";
export {
  InMemoryChannelLayer,
  type InMemoryChannelLayerOptions,
  type InMemoryDroppedEvent,
  type InMemoryLayerEvents,
} from "./layers/in-memory-channel-layer";
export {
  ChannelLayerRegistry,
  DEFAULT_CHANNEL_LAYER,
  InvalidChannelLayerConfig,
  channelLayers,
  getChannelLayer,
  type ChannelLayerConfig,
} from "./layers/channel-layer-registry";
export { ChannelLayerClosed, ChannelReceiveAborted, InvalidLayerOption } from "./layers/layer-errors";

// Drops: every message not delivered, counted by reason and reported through one hook.
export { DROP_REASONS, type DropReason, type DropSite } from "./drops/drop-reason";
export { DropHook, drops, type DropEvent, type DropListener, type DropTotal } from "./drops/drop-hook";
export { DEFAULT_DROP_WARN_INTERVAL_MS, DropCounter, type DropLogger } from "./drops/drop-counter";

// Handler timing (for metrics): off, and free, until someone listens.
export { onHandlerDuration, type HandlerDurationListener } from "./consumers/handler-timing";

// Routing.
export { ProtocolTypeRouter, type ProtocolTypeApplications } from "./routing/protocol-type-router";
export { URLRouter, type URLRouterApplication } from "./routing/url-router";
export { ChannelNameRouter } from "./routing/channel-name-router";
export { path, rePath, type PatternMatch, type Route, type RouteKwargs } from "./routing/route";
export { registerConverter, type PathConverter } from "./routing/converters";
export { markPathRouting } from "./routing/path-routing";
export {
  InvalidRoute,
  NotAnApplication,
  ScopeKeyMissing,
  UnknownChannelName,
  UnknownProtocolType,
} from "./routing/routing-errors";

// Consumers.
export type { AnyMessages, Handlers, MessageMap, MessageOf } from "./consumers/typed-messages";
export { AsyncConsumer } from "./consumers/async-consumer";
export { WebsocketConsumer } from "./consumers/websocket-consumer";
export {
  INVALID_JSON_CLOSE_CODE,
  JsonWebsocketConsumer,
  UNSUPPORTED_DATA_CLOSE_CODE,
} from "./consumers/json-websocket-consumer";
export { HttpConsumer, type HeadersInit } from "./consumers/http-consumer";
export {
  DEFAULT_MAX_PENDING_FRAMES,
  Demultiplexer,
  InvalidStreams,
  type StreamErrorLogger,
  type StreamMap,
  type StreamTarget,
} from "./consumers/demultiplexer";
export type { StreamScope } from "./consumers/stream-runner";
export {
  BAD_ENVELOPE,
  STREAM_ERROR_CLOSE_CODE,
  STREAM_REFUSED_CLOSE_CODE,
  UNKNOWN_STREAM_CLOSE_CODE,
  type StreamEnvelope,
} from "./consumers/stream-envelope";

// Close a group from anywhere; every socket of a user in one group.
export {
  DEFAULT_GROUP_CLOSE_CODE,
  MAX_CLOSE_REASON_BYTES,
  closeGroup,
  type CloseGroupOptions,
  type GroupCloseMessage,
} from "./consumers/close-group";
export { authenticatedUserId, userGroupName } from "./consumers/user-group";

// Requests with a reply (acks): the consumer that answers them, and the wire types.
export { ReplyingJsonWebsocketConsumer, type IncomingRequest } from "./consumers/replying-json-websocket-consumer";
export { RequestFailed } from "./consumers/request-failed";
export {
  ReplyErrorCode,
  type AnyRequests,
  type ReplyErrorBody,
  type ReplyMessage,
  type ReplyOf,
  type RequestHandlers,
  type RequestMap,
  type RequestOf,
  type RequestPayload,
} from "./consumers/request-reply";

// Presence (Phoenix Presence): who is in a group, kept by the layer, diffs as group messages.
export { ConsumerPresence, type PresenceOwner, type TrackOptions } from "./presence/consumer-presence";
export { InMemoryPresenceStore } from "./presence/in-memory-presence-store";
export { PRESENCE_DEFAULTS, Presence, type PresenceOptions } from "./presence/presence";
export { PresenceAlreadyTracked, PresenceNotTracked, PresenceUnsupported } from "./presence/presence-errors";
export { configurePresence, countPresence, listPresence, presenceOf } from "./presence/presence-registry";
export { presenceStateOf } from "./presence/presence-state";
export type { PresenceStore } from "./presence/presence-store";
export type {
  PresenceDiffMessage,
  PresenceEntry,
  PresenceMeta,
  PresenceMetaInput,
  PresenceState,
  PresenceStateMessage,
} from "./presence/presence-types";

// Middleware: cookies, sessions, authentication, origin checks.
export { BaseMiddleware, type ScopeExtras } from "./middleware/base-middleware";
export { InvalidCookie, MiddlewareConfigError } from "./middleware/errors";
export { parseCookies, type Cookies } from "./middleware/parse-cookies";
export { deleteCookieHeader, setCookieHeader, type CookieOptions } from "./middleware/set-cookie-header";
export { CookieMiddleware, type CookieScope } from "./middleware/cookie-middleware";
export type { SessionData, SessionStore, SessionValue } from "./middleware/session-store";
export { MemorySessionStore, type MemorySessionStoreOptions } from "./middleware/memory-session-store";
export { Session } from "./middleware/session";
export {
  SessionMiddleware,
  SessionMiddlewareStack,
  type SessionMiddlewareOptions,
  type SessionScope,
} from "./middleware/session-middleware";
export { AnonymousUser, isAuthenticated, type User } from "./middleware/user";
export {
  SESSION_USER_HASH_KEY,
  SESSION_USER_ID_KEY,
  getSession,
  login,
  logout,
  safeEqual,
  type LoginOptions,
} from "./middleware/login";
export {
  AuthMiddleware,
  AuthMiddlewareStack,
  sessionUserResolver,
  type AuthMiddlewareOptions,
  type AuthMiddlewareStackOptions,
  type AuthScope,
  type ResolveUserOptions,
  type SessionUserOptions,
  type UserResolver,
} from "./middleware/auth-middleware";
export { TokenAuthMiddleware, type TokenAuthMiddlewareOptions } from "./middleware/token-auth-middleware";
export {
  tokenFromCookie,
  tokenFromFirstMessage,
  tokenFromHeader,
  tokenFromSubprotocol,
  type CookieTokenSource,
  type FirstMessageOptions,
  type FirstMessageTokenSource,
  type HeaderTokenSource,
  type SubprotocolTokenSource,
  type TokenFrom,
  type TokenSource,
} from "./middleware/token-source";
export { UNAUTHENTICATED_CLOSE_CODE } from "./middleware/first-message-token";
export { OriginValidator } from "./middleware/origin-validator";
export {
  compileOriginPatterns,
  isSameHost,
  parseOrigin,
  type OriginMatcher,
  type ParsedOrigin,
} from "./middleware/origin-pattern";
export { AllowedHostsOriginValidator } from "./middleware/allowed-hosts-origin-validator";
export { denyWebsocket } from "./middleware/deny-websocket";

// Test kit (channels.testing).
export { ApplicationCancelled, ApplicationCommunicator } from "./testing/application-communicator";
export {
  WebsocketCommunicator,
  type ConnectResult,
  type WebsocketCommunicatorOptions,
} from "./testing/websocket-communicator";
export { HttpCommunicator, type HttpResponse } from "./testing/http-communicator";
export { sendRequest, type SendRequestOptions } from "./testing/send-request";

// Worker (runworker).
export { Worker, WorkerStopped, type WorkerOptions } from "./worker";

// For servers: how a raw request path becomes the ASGI `path` (used by @channels-ts/server and
// the communicators, so that both decode alike).
export { decodePath } from "./util/decode-path";

// For servers, layers and handlers that finish at once: a shared resolved promise the consumer
// recognises, and the promise-free hand-over of a server's inbound events to a consumer.
export { DONE } from "./util/done";
export {
  RECEIVE_SOURCE,
  receiveSourceOf,
  type EventReceiver,
  type ReceiveSource,
  type SourcedReceive,
} from "./receive-source";
