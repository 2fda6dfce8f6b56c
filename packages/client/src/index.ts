export { ChannelsClient, type ClientEvents, type ClientState } from "./channels-client.js";
export { StreamClient, type StreamEvents } from "./stream-client.js";
export { MessageEndpoint, type RequestOptions } from "./message-endpoint.js";
export type { ClientOptions, CloseInfo } from "./client-options.js";
export { backoffDelay, type BackoffOptions } from "./backoff.js";
export type { DropReason, DroppedMessage } from "./dropped-message.js";
export {
  ClientClosed,
  ClientError,
  ClientErrorCode,
  Disconnected,
  HandlerError,
  InvalidClientOption,
  NoWebSocket,
  QueueFull,
  ReplyError,
  ReplyTimeout,
  ServerFrameError,
  SocketError,
  StreamClosed,
} from "./errors.js";
export type {
  AnyMessages,
  AnyRequests,
  MessageMap,
  MessageOf,
  PayloadArgs,
  RequestMap,
  RequestPayload,
  RequestReply,
  RequestSpec,
} from "./message-maps.js";
export { Presence, type PresenceEntry } from "./presence.js";
export {
  syncDiff,
  syncState,
  type JoinCallback,
  type LeaveCallback,
  type PresenceDiff,
  type PresenceMeta,
  type PresenceState,
} from "./presence-sync.js";
export type { Timers } from "./timers.js";
export type { WebSocketConstructor, WebSocketLike } from "./websocket-like.js";
