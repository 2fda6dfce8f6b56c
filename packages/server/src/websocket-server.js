"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServedWebSocket = void 0;
exports.serveSocket = serveSocket;
exports.createWebsocketServer = createWebsocketServer;
const ws_1 = require("ws");
/**
 * The `ws` socket class the server creates (ws's documented `WebSocket` option): it names the
 * connection it serves, so that its listeners are the four shared functions below rather than
 * closures bound per connection.
 */
class ServedWebSocket extends ws_1.WebSocket {
    owner = undefined;
}
exports.ServedWebSocket = ServedWebSocket;
function onServedMessage(data, isBinary) {
    this.owner?.onMessage(data, isBinary);
}
function onServedClose(code, reason) {
    this.owner?.onClose(code, reason);
}
function onServedError(err) {
    this.owner?.onError(err);
}
function onServedPong() {
    this.owner?.onPong();
}
/** Hands `ws`'s events to `owner`, through listeners shared by every socket. */
function serveSocket(ws, owner) {
    ws.owner = owner;
    ws.on("message", onServedMessage);
    ws.on("close", onServedClose);
    ws.on("error", onServedError);
    ws.on("pong", onServedPong);
}
/**
 * The one `ws` server (noServer mode) that performs handshakes once an application has accepted.
 * Per-request choices travel in a WeakMap keyed by the request, since `ws` calls its hooks with it;
 * a request with nothing to add has no entry.
 */
function createWebsocketServer(options, handshakes) {
    // `closeTimeout` is a ws >= 8.19 option that @types/ws does not list yet.
    const wsOptions = {
        noServer: true,
        clientTracking: false,
        perMessageDeflate: false,
        maxPayload: options.maxPayload,
        closeTimeout: options.closeTimeoutMs,
        WebSocket: ServedWebSocket,
        handleProtocols: (_offered, req) => handshakes.get(req)?.subprotocol ?? false,
    };
    const wss = new ws_1.WebSocketServer(wsOptions);
    wss.on("headers", (lines, req) => {
        const extra = handshakes.get(req)?.headerLines;
        if (extra !== undefined)
            for (const line of extra)
                lines.push(line);
    });
    wss.on("error", () => undefined); // only emitted for a server ws owns; it owns none here
    return wss;
}
//# sourceMappingURL=websocket-server.js.map