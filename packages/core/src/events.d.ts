/**
 * The ASGI events, typed: unions keyed on `type`, one per protocol and direction. "Inbound"
 * events are what the server sends the application (what `receive()` returns); "outbound"
 * events are what the application sends the server (what `send()` takes). Keys keep their ASGI
 * names (`text`, `bytes`, `code`, `more_body`, ...) because they are wire data.
 *
 * They are object type aliases, not interfaces, so that every event is also a `Message` (a
 * layer message or a consumer's dispatch takes any of them without a cast).
 */
import type { Headers, Message, Scope } from "./types";
export type WebsocketConnectEvent = {
    type: "websocket.connect";
};
/** One frame: `text` for a text frame, `bytes` for a binary one; the other is absent (or null, as ASGI allows). */
export type WebsocketReceiveEvent = {
    type: "websocket.receive";
    text: string;
    bytes?: null;
} | {
    type: "websocket.receive";
    bytes: Uint8Array;
    text?: null;
};
/** The end of the connection, whoever ended it: 1005 when the close frame carried no code. */
export type WebsocketDisconnectEvent = {
    type: "websocket.disconnect";
    code: number;
    reason?: string;
};
/** Completes the handshake, with one of `scope.subprotocols` (or none) and extra response headers. */
export type WebsocketAcceptEvent = {
    type: "websocket.accept";
    subprotocol?: string | null;
    headers?: Headers;
};
/** Sends one frame: exactly one of `text` (a text frame) or `bytes` (a binary frame). */
export type WebsocketSendEvent = {
    type: "websocket.send";
    text: string;
    bytes?: null;
} | {
    type: "websocket.send";
    bytes: Uint8Array;
    text?: null;
};
/** Closes the socket (default code 1000); before `websocket.accept` it refuses the handshake (HTTP 403). */
export type WebsocketCloseEvent = {
    type: "websocket.close";
    code?: number;
    reason?: string;
};
export type WebsocketInboundEvent = WebsocketConnectEvent | WebsocketReceiveEvent | WebsocketDisconnectEvent;
export type WebsocketOutboundEvent = WebsocketAcceptEvent | WebsocketSendEvent | WebsocketCloseEvent;
/** A chunk of the request body; `more_body` is false on the last one. */
export type HttpRequestEvent = {
    type: "http.request";
    body: Uint8Array;
    more_body: boolean;
};
/** The client went away, or the response is complete. */
export type HttpDisconnectEvent = {
    type: "http.disconnect";
};
export type HttpResponseStartEvent = {
    type: "http.response.start";
    status: number;
    headers?: Headers;
};
/** A chunk of the response body; without `more_body: true` it is the last one. */
export type HttpResponseBodyEvent = {
    type: "http.response.body";
    body?: Uint8Array;
    more_body?: boolean;
};
export type HttpInboundEvent = HttpRequestEvent | HttpDisconnectEvent;
export type HttpOutboundEvent = HttpResponseStartEvent | HttpResponseBodyEvent;
export type LifespanStartupEvent = {
    type: "lifespan.startup";
};
export type LifespanShutdownEvent = {
    type: "lifespan.shutdown";
};
export type LifespanStartupCompleteEvent = {
    type: "lifespan.startup.complete";
};
/** Startup failed: the server does not start, and reports `message`. */
export type LifespanStartupFailedEvent = {
    type: "lifespan.startup.failed";
    message?: string;
};
export type LifespanShutdownCompleteEvent = {
    type: "lifespan.shutdown.complete";
};
export type LifespanShutdownFailedEvent = {
    type: "lifespan.shutdown.failed";
    message?: string;
};
export type LifespanInboundEvent = LifespanStartupEvent | LifespanShutdownEvent;
export type LifespanOutboundEvent = LifespanStartupCompleteEvent | LifespanStartupFailedEvent | LifespanShutdownCompleteEvent | LifespanShutdownFailedEvent;
/** Every event the server sends an application: what `receive()` returns. */
export type ReceiveEvent = WebsocketInboundEvent | HttpInboundEvent | LifespanInboundEvent;
/** Every event an application may send the server: what `send()` takes. */
export type SendEvent = WebsocketOutboundEvent | HttpOutboundEvent | LifespanOutboundEvent;
/**
 * What `receive()` yields, by scope type: the server's events for the protocols it speaks, and
 * any message for other scopes (a worker's `channel` scope gets the layer messages sent to its
 * channel; a custom protocol, its own events). A scope whose `type` is just `string` gets `Message`.
 */
export interface ReceiveEventMap {
    [type: string]: Message;
    http: HttpInboundEvent;
    websocket: WebsocketInboundEvent;
    lifespan: LifespanInboundEvent;
}
/**
 * The events an application for scope `S` receives: `ReceiveEventOf<WebsocketScope>` is
 * `WebsocketInboundEvent`. (Written as a mapped type so that `never`, "an application for any
 * scope", receives `never` and every application is one.)
 */
export type ReceiveEventOf<S extends Scope> = {
    [T in S["type"]]: ReceiveEventMap[T];
}[S["type"]];
