import type { Application, Headers, WebsocketScope } from "../types";
import { ApplicationCommunicator } from "./application-communicator";
export interface WebsocketCommunicatorOptions {
    headers?: Headers;
    subprotocols?: string[];
    /** Extra scope keys (e.g. `user`, `url_route`), merged over the defaults. */
    scope?: Record<string, unknown>;
}
export interface ConnectResult {
    connected: boolean;
    /** The subprotocol the application accepted, or null. */
    subprotocol: string | null;
    /** The close code when the handshake was refused, or null when connected. */
    closeCode: number | null;
}
/** Drives a WebSocket application in-process (Channels' WebsocketCommunicator). */
export declare class WebsocketCommunicator extends ApplicationCommunicator<WebsocketScope> {
    constructor(application: Application<WebsocketScope>, path: string, options?: WebsocketCommunicatorOptions);
    /** Performs the handshake: `{ connected, subprotocol, closeCode }`. */
    connect(timeoutMs?: number): Promise<ConnectResult>;
    /** Sends a frame from the client: a string is a text frame, a Uint8Array a binary one. */
    sendTo(data: string | Uint8Array): Promise<void>;
    sendJsonTo(data: unknown): Promise<void>;
    /** The next frame the application sent: text as a string, binary as a Uint8Array. */
    receiveFrom(timeoutMs?: number): Promise<string | Uint8Array>;
    /** The next text frame, decoded as JSON. */
    receiveJsonFrom(timeoutMs?: number): Promise<unknown>;
    /** Closes from the client side with `code` and waits for the application to finish. */
    disconnect(code?: number, timeoutMs?: number): Promise<void>;
}
