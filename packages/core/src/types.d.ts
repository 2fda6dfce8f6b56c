/**
 * The ASGI-style application model: an application is `(scope, receive, send) => Promise<void>`.
 * Wire-level names (scope keys, message types and keys) stay exactly as in ASGI and Channels,
 * because they are data that crosses process and language boundaries.
 */
import type { ReceiveEventOf, SendEvent } from "./events";
/** A value a msgpack encoder can carry; channel layer messages are made of these. */
export type WireValue = string | number | boolean | null | Uint8Array | readonly WireValue[] | {
    readonly [key: string]: WireValue;
};
/** Any layer message (or event): a plain object with a string `type`. ASGI events are typed in `events.ts`. */
export interface Message {
    type: string;
    [key: string]: unknown;
}
/** Header list as ASGI has it: lower-cased names, string values, in arrival order. */
export type Headers = Array<[string, string]>;
/** `[host, port]` of the client or the server, as in ASGI. */
export type HostPort = [string, number];
/** The route match a `URLRouter` leaves in the scope (merged with any outer router's). */
export interface UrlRoute {
    args: unknown[];
    kwargs: Record<string, unknown>;
}
/** Any scope. Middleware adds keys (`cookies`, `session`, `user`), hence the index signature. */
export interface Scope {
    [key: string]: unknown;
    type: string;
    asgi?: {
        version: string;
        spec_version?: string;
    };
    url_route?: UrlRoute;
}
export interface ConnectionScope extends Scope {
    path: string;
    raw_path?: Uint8Array;
    query_string: string;
    root_path: string;
    headers: Headers;
    client?: HostPort | null;
    server?: HostPort | null;
    scheme?: string;
    http_version?: string;
}
export interface HttpScope extends ConnectionScope {
    type: "http";
    method: string;
}
export interface WebsocketScope extends ConnectionScope {
    type: "websocket";
    subprotocols: string[];
}
/** Scope of a worker application: one per message received on a named channel. */
export interface ChannelScope extends Scope {
    type: "channel";
    channel: string;
}
export interface LifespanScope extends Scope {
    type: "lifespan";
}
/**
 * Waits for the next event from the server: `Receive<WebsocketInboundEvent>` in an
 * `Application<WebsocketScope>` (see `ReceiveEventOf`); any `Message` where the scope type is
 * not known (a worker's `channel` scope receives the layer messages sent to its channel).
 */
export type Receive<E = Message> = () => Promise<E>;
/**
 * Sends an event to the server. The server still checks every event at run time (a JavaScript
 * application can send anything) and rejects a malformed one with a `ProtocolError`.
 */
export type Send = (event: SendEvent) => Promise<void>;
/**
 * The one signature that routers, middleware and consumers share, so that they nest. The scope
 * type picks the events `receive` yields: an `Application<HttpScope>` receives `HttpInboundEvent`s.
 * `send` takes every ASGI event whatever the scope (a router or middleware passes one `send` to
 * applications of several protocols); the server rejects another protocol's event at run time.
 */
export type Application<S extends Scope = Scope> = (scope: S, receive: Receive<ReceiveEventOf<S>>, send: Send) => Promise<void>;
