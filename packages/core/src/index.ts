export * from "./types";
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
export * from "./errors";
export * from "./layers";
export * from "./routing";
export * from "./consumers";
export * from "./middleware";
export * from "./testing";
export * from "./worker";
export { decodePath } from "./util/decode-path";
