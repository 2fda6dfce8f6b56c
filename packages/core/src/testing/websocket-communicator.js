"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebsocketCommunicator = void 0;
const decode_path_1 = require("../util/decode-path");
const errors_1 = require("../errors");
const application_communicator_1 = require("./application-communicator");
/** Splits "/a%20b/?x=1" into the ASGI path ("/a b/"), raw path and query string. */
function splitPath(path) {
    const q = path.indexOf("?");
    const rawPath = q === -1 ? path : path.slice(0, q);
    return { path: (0, decode_path_1.decodePath)(rawPath), rawPath, query: q === -1 ? "" : path.slice(q + 1) };
}
/** Drives a WebSocket application in-process (Channels' WebsocketCommunicator). */
class WebsocketCommunicator extends application_communicator_1.ApplicationCommunicator {
    constructor(application, path, options = {}) {
        const parts = splitPath(path);
        const scope = {
            type: "websocket",
            asgi: { version: "3.0" },
            scheme: "ws",
            path: parts.path,
            raw_path: Buffer.from(parts.rawPath),
            query_string: parts.query,
            root_path: "",
            headers: options.headers ?? [],
            subprotocols: options.subprotocols ?? [],
            client: ["127.0.0.1", 0],
            server: ["127.0.0.1", 80],
            ...options.scope,
        };
        super(application, scope);
    }
    /** Performs the handshake: `{ connected, subprotocol, closeCode }`. */
    async connect(timeoutMs = 1000) {
        await this.sendInput({ type: "websocket.connect" });
        const response = await this.receiveOutput(timeoutMs);
        if (response.type === "websocket.accept") {
            return {
                connected: true,
                subprotocol: typeof response.subprotocol === "string" ? response.subprotocol : null,
                closeCode: null,
            };
        }
        if (response.type === "websocket.close") {
            return {
                connected: false,
                subprotocol: null,
                closeCode: typeof response.code === "number" ? response.code : 1000,
            };
        }
        throw new errors_1.ChannelsError(errors_1.ErrorCode.UNEXPECTED_MESSAGE, `Expected websocket.accept or websocket.close after connect, got ${JSON.stringify(response.type)}.`);
    }
    /** Sends a frame from the client: a string is a text frame, a Uint8Array a binary one. */
    async sendTo(data) {
        await this.sendInput(typeof data === "string" ? { type: "websocket.receive", text: data } : { type: "websocket.receive", bytes: data });
    }
    async sendJsonTo(data) {
        await this.sendTo(JSON.stringify(data));
    }
    /** The next frame the application sent: text as a string, binary as a Uint8Array. */
    async receiveFrom(timeoutMs = 1000) {
        const response = await this.receiveOutput(timeoutMs);
        if (response.type !== "websocket.send") {
            const detail = response.type === "websocket.close" ? ` (close code ${String(response.code ?? 1000)})` : "";
            throw new errors_1.ChannelsError(errors_1.ErrorCode.UNEXPECTED_MESSAGE, `Expected websocket.send, got ${JSON.stringify(response.type)}${detail}.`);
        }
        if (typeof response.text === "string")
            return response.text;
        if (response.bytes instanceof Uint8Array)
            return response.bytes;
        throw new errors_1.ChannelsError(errors_1.ErrorCode.UNEXPECTED_MESSAGE, "websocket.send carried neither text nor bytes.");
    }
    /** The next text frame, decoded as JSON. */
    async receiveJsonFrom(timeoutMs = 1000) {
        const frame = await this.receiveFrom(timeoutMs);
        if (typeof frame !== "string")
            throw new errors_1.ChannelsError(errors_1.ErrorCode.UNEXPECTED_MESSAGE, "Expected a JSON text frame, got a binary frame.");
        return JSON.parse(frame);
    }
    /** Closes from the client side with `code` and waits for the application to finish. */
    async disconnect(code = 1000, timeoutMs = 1000) {
        if (!this.done)
            await this.sendInput({ type: "websocket.disconnect", code });
        await this.wait(timeoutMs);
    }
}
exports.WebsocketCommunicator = WebsocketCommunicator;
//# sourceMappingURL=websocket-communicator.js.map