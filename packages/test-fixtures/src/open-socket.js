"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Refused = void 0;
exports.openSocket = openSocket;
const ws_1 = __importDefault(require("ws"));
/** A handshake the server refused, with the HTTP status it answered. */
class Refused extends Error {
    status;
    constructor(status, url = "the handshake") {
        super(`${url}: handshake refused with ${status}`);
        this.status = status;
    }
}
exports.Refused = Refused;
/**
 * Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is
 * refused, and with an Error naming `url` if it fails or has not opened within `timeoutMs`.
 */
function openSocket(url, protocols, options = {}, timeoutMs = 10_000) {
    const socket = new ws_1.default(url, protocols, options);
    socket.on("error", () => undefined); // a close event always follows
    const opened = new Promise((resolve, reject) => {
        const fail = (error) => {
            clearTimeout(timer);
            reject(error);
            socket.terminate();
        };
        const timer = setTimeout(() => fail(new Error(`${url}: no handshake within ${timeoutMs} ms`)), timeoutMs);
        socket.once("unexpected-response", (_req, res) => {
            res.resume();
            fail(new Refused(res.statusCode ?? 0, url));
        });
        socket.once("error", (error) => fail(new Error(`${url}: ${error.message}`)));
        socket.once("close", (code) => fail(new Error(`${url}: closed before open (${code})`)));
        socket.once("open", () => {
            clearTimeout(timer);
            resolve(socket);
        });
    });
    return { socket, opened };
}
//# sourceMappingURL=open-socket.js.map