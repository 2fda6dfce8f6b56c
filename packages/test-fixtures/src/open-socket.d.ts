import WebSocket from "ws";
/** A handshake the server refused, with the HTTP status it answered. */
export declare class Refused extends Error {
    readonly status: number;
    constructor(status: number, url?: string);
}
/**
 * Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is
 * refused, and with an Error naming `url` if it fails or has not opened within `timeoutMs`.
 */
export declare function openSocket(url: string, protocols?: string[], options?: WebSocket.ClientOptions, timeoutMs?: number): {
    socket: WebSocket;
    opened: Promise<WebSocket>;
};
