"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WsClients = void 0;
exports.nextFrame = nextFrame;
exports.closed = closed;
const ws_1 = __importDefault(require("ws"));
const open_socket_1 = require("./open-socket");
const text_client_1 = require("./text-client");
/**
 * The WebSocket clients a test opens, terminated together when the `using` block ends (or on
 * `terminate()`): `using clients = new WsClients()`.
 */
class WsClients {
    sockets = [];
    /** Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is refused. */
    open(url, protocols, options = {}) {
        const { socket, opened } = (0, open_socket_1.openSocket)(url, protocols, options);
        this.sockets.push(socket);
        return opened;
    }
    /** Opens a TextClient (see there), terminated with the others. */
    async text(url, options = {}) {
        const client = await text_client_1.TextClient.open(url, options);
        this.sockets.push(client.socket);
        return client;
    }
    /** The HTTP status a refused handshake got; an error if it opened. */
    async refusal(url, protocols) {
        try {
            await this.open(url, protocols);
        }
        catch (err) {
            if (err instanceof open_socket_1.Refused)
                return err.status;
            throw err;
        }
        throw new Error(`expected ${url} to be refused, but it opened`);
    }
    /** Cuts every client opened so far (no close handshake). */
    terminate() {
        for (const ws of this.sockets.splice(0))
            ws.terminate();
    }
    [Symbol.dispose]() {
        this.terminate();
    }
}
exports.WsClients = WsClients;
/** Next frame, as string for text and Buffer for binary. */
function nextFrame(ws) {
    return new Promise((resolve) => ws.once("message", (data, isBinary) => resolve(isBinary ? data : data.toString())));
}
/** Resolves with the close code and reason once `ws` closes. */
function closed(ws) {
    if (ws.readyState === ws_1.default.CLOSED)
        return Promise.reject(new Error("already closed"));
    return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}
//# sourceMappingURL=ws-clients.js.map