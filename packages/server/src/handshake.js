"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESERVED_ACCEPT_HEADERS = void 0;
exports.handshakeProblem = handshakeProblem;
exports.refuseHandshake = refuseHandshake;
const node_http_1 = require("node:http");
const KEY = /^[+/0-9A-Za-z]{22}==$/;
/**
 * The checks `ws` makes in `handleUpgrade`, made before the application runs, so a malformed
 * handshake is refused at once instead of after the application has accepted it.
 * Returns what is wrong, or undefined.
 */
function handshakeProblem(req) {
    if (req.method !== "GET")
        return { status: 405, reason: "Invalid HTTP method" };
    if (req.headers.upgrade?.toLowerCase() !== "websocket")
        return { status: 400, reason: "Invalid Upgrade header" };
    const key = req.headers["sec-websocket-key"];
    if (key === undefined || !KEY.test(key))
        return { status: 400, reason: "Missing or invalid Sec-WebSocket-Key header" };
    const version = req.headers["sec-websocket-version"];
    if (version !== "13" && version !== "8")
        return { status: 400, reason: "Missing or invalid Sec-WebSocket-Version header" };
    return undefined;
}
/** Refuses an upgrade request with a plain HTTP response and closes the socket. */
function refuseHandshake(socket, status, body = `${status} ${node_http_1.STATUS_CODES[status] ?? ""}\n`) {
    if (socket.destroyed)
        return;
    if (!socket.writable) {
        socket.destroy();
        return;
    }
    const length = Buffer.byteLength(body);
    socket.once("finish", () => socket.destroy());
    socket.end(`HTTP/1.1 ${status} ${node_http_1.STATUS_CODES[status] ?? ""}\r\n` +
        "Connection: close\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        `Content-Length: ${length}\r\n\r\n` +
        body);
}
/** Handshake response headers the server itself owns; an application may not set them on accept. */
exports.RESERVED_ACCEPT_HEADERS = new Set([
    "upgrade",
    "connection",
    "sec-websocket-accept",
    "sec-websocket-protocol",
    "sec-websocket-extensions",
]);
//# sourceMappingURL=handshake.js.map