import WebSocket from "ws";
import { TextClient, type TextClientOptions } from "./text-client";
/**
 * The WebSocket clients a test opens, terminated together when the `using` block ends (or on
 * `terminate()`): `using clients = new WsClients()`.
 */
export declare class WsClients implements Disposable {
    private readonly sockets;
    /** Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is refused. */
    open(url: string, protocols?: string[], options?: WebSocket.ClientOptions): Promise<WebSocket>;
    /** Opens a TextClient (see there), terminated with the others. */
    text(url: string, options?: TextClientOptions): Promise<TextClient>;
    /** The HTTP status a refused handshake got; an error if it opened. */
    refusal(url: string, protocols?: string[]): Promise<number>;
    /** Cuts every client opened so far (no close handshake). */
    terminate(): void;
    [Symbol.dispose](): void;
}
/** Next frame, as string for text and Buffer for binary. */
export declare function nextFrame(ws: WebSocket): Promise<string | Buffer>;
/** Resolves with the close code and reason once `ws` closes. */
export declare function closed(ws: WebSocket): Promise<{
    code: number;
    reason: string;
}>;
