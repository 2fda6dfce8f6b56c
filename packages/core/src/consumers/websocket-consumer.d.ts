import type { WebsocketConnectEvent, WebsocketDisconnectEvent, WebsocketReceiveEvent } from "../events";
import type { Headers, WebsocketScope } from "../types";
import { BaseConsumer } from "./base-consumer";
import type { AnyMessages, MessageMap } from "./typed-messages";
/**
 * Channels' (Async)WebsocketConsumer. Override `connect`, `receive` and `disconnect`; or, as the
 * original tutorial does, the low-level `websocket_connect` / `websocket_receive` /
 * `websocket_disconnect` handlers (throwing `StopConsumer` to end).
 */
export declare class WebsocketConsumer<M extends MessageMap = AnyMessages> extends BaseConsumer<M, WebsocketScope> {
    /** Groups joined before `connect()` and left after `disconnect()`. */
    groups: string[];
    websocket_connect(_event: WebsocketConnectEvent): Promise<void>;
    /** Called on the handshake; accepts by default. Close (or throw DenyConnection) to refuse: HTTP 403. */
    connect(): Promise<void>;
    /** Completes the handshake, optionally choosing one of `scope.subprotocols` and adding headers. */
    accept(subprotocol?: string | null, headers?: Headers): Promise<void>;
    websocket_receive(event: WebsocketReceiveEvent): Promise<void>;
    /** One frame from the client: `text` for a text frame, `bytes` for a binary one. */
    receive(_text?: string, _bytes?: Uint8Array): Promise<void>;
    /** Sends a text (string) or binary (Uint8Array) frame; `close` true or a code closes after it. */
    send(data: string | Uint8Array, close?: boolean | number): Promise<void>;
    /** Closes the socket; before `accept()` this refuses the handshake (HTTP 403). */
    close(code?: number, reason?: string): Promise<void>;
    websocket_disconnect(event: WebsocketDisconnectEvent): Promise<void>;
    /** Called once the socket is closed, with its close code. */
    disconnect(_code: number): Promise<void>;
}
