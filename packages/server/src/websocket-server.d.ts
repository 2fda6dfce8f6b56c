import type { IncomingMessage } from "node:http";
import { WebSocket, type RawData, type Server } from "ws";
import type { ResolvedServerOptions } from "./options";
/** What the application chose in `websocket.accept`, read back by `ws` while it writes the 101 response. */
export interface AcceptDetails {
    subprotocol: string | undefined;
    /** Extra response header lines, `Name: value`. */
    headerLines: string[];
}
/** What a served socket reports to the connection that owns it. */
export interface ServedSocketEvents {
    onMessage(data: RawData, isBinary: boolean): void;
    onClose(code: number, reason: Buffer): void;
    onError(err: Error): void;
    onPong(): void;
}
/**
 * The `ws` socket class the server creates (ws's documented `WebSocket` option): it names the
 * connection it serves, so that its listeners are the four shared functions below rather than
 * closures bound per connection.
 */
export declare class ServedWebSocket extends WebSocket {
    owner: ServedSocketEvents | undefined;
}
/** Hands `ws`'s events to `owner`, through listeners shared by every socket. */
export declare function serveSocket(ws: ServedWebSocket, owner: ServedSocketEvents): void;
export type ChannelsWebSocketServer = Server<typeof ServedWebSocket>;
/**
 * The one `ws` server (noServer mode) that performs handshakes once an application has accepted.
 * Per-request choices travel in a WeakMap keyed by the request, since `ws` calls its hooks with it;
 * a request with nothing to add has no entry.
 */
export declare function createWebsocketServer(options: ResolvedServerOptions, handshakes: WeakMap<IncomingMessage, AcceptDetails>): ChannelsWebSocketServer;
