import type { IncomingMessage } from "node:http";
import { WebSocketServer, type ServerOptions as WsServerOptions } from "ws";
import type { ResolvedServerOptions } from "./options";

/** What the application chose in `websocket.accept`, read back by `ws` while it writes the 101 response. */
export interface AcceptDetails {
  subprotocol: string | undefined;
  /** Extra response header lines, `Name: value`. */
  headerLines: string[];
}

/**
 * The one `ws` server (noServer mode) that performs handshakes once an application has accepted.
 * Per-request choices travel in a WeakMap keyed by the request, since `ws` calls its hooks with it.
 */
export function createWebsocketServer(
  options: ResolvedServerOptions,
  handshakes: WeakMap<IncomingMessage, AcceptDetails>,
): WebSocketServer {
  // `closeTimeout` is a ws >= 8.19 option that @types/ws does not list yet.
  const wsOptions: WsServerOptions & { closeTimeout: number } = {
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: options.maxPayload,
    closeTimeout: options.closeTimeoutMs,
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
