import type { IncomingMessage } from "node:http";
import { WebSocket, WebSocketServer, type RawData, type Server, type ServerOptions as WsServerOptions } from "ws";
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
export class ServedWebSocket extends WebSocket {
  owner: ServedSocketEvents | undefined = undefined;
}

function onServedMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  (this as ServedWebSocket).owner?.onMessage(data, isBinary);
}
function onServedClose(this: WebSocket, code: number, reason: Buffer): void {
  (this as ServedWebSocket).owner?.onClose(code, reason);
}
function onServedError(this: WebSocket, err: Error): void {
  (this as ServedWebSocket).owner?.onError(err);
}
function onServedPong(this: WebSocket): void {
  (this as ServedWebSocket).owner?.onPong();
}

/** Hands `ws`'s events to `owner`, through listeners shared by every socket. */
export function serveSocket(ws: ServedWebSocket, owner: ServedSocketEvents): void {
  ws.owner = owner;
  ws.on("message", onServedMessage);
  ws.on("close", onServedClose);
  ws.on("error", onServedError);
  ws.on("pong", onServedPong);
}

export type ChannelsWebSocketServer = Server<typeof ServedWebSocket>;

/**
 * The one `ws` server (noServer mode) that performs handshakes once an application has accepted.
 * Per-request choices travel in a WeakMap keyed by the request, since `ws` calls its hooks with it;
 * a request with nothing to add has no entry.
 */
export function createWebsocketServer(
  options: ResolvedServerOptions,
  handshakes: WeakMap<IncomingMessage, AcceptDetails>,
): ChannelsWebSocketServer {
  // `closeTimeout` is a ws >= 8.19 option that @types/ws does not list yet.
  const wsOptions: WsServerOptions<typeof ServedWebSocket> & { closeTimeout: number } = {
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: options.maxPayload,
    closeTimeout: options.closeTimeoutMs,
    WebSocket: ServedWebSocket,
    handleProtocols: (_offered, req) => handshakes.get(req)?.subprotocol ?? false,
  };
  const wss = new WebSocketServer(wsOptions);
  wss.on("headers", (lines: string[], req: IncomingMessage) => {
    const extra = handshakes.get(req)?.headerLines;
    if (extra !== undefined) for (const line of extra) lines.push(line);
  });
  wss.on("error", () => undefined); // only emitted for a server ws owns; it owns none here
  return wss;
}
