"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TextClient = void 0;
const ws_1 = __importDefault(require("ws"));
const open_socket_1 = require("./open-socket");
/**
 * A WebSocket client that records every frame it receives (text as it is, binary as `<N bytes>`),
 * for tests that wait on messages, never on time. `await using client = await TextClient.open(url)`
 * closes it when the block ends; `WsClients.text()` terminates it with a test's other clients.
 */
class TextClient {
    label;
    socket;
    received = [];
    /** The code the socket closed with, once it has. */
    closeCode;
    /** Resolves with the close code once the socket closes. */
    closed;
    listeners = new Set();
    constructor(label, socket) {
        this.label = label;
        this.socket = socket;
        socket.on("message", (data, isBinary) => {
            this.received.push(isBinary ? `<${data.length} bytes>` : String(data));
            this.notify();
        });
        this.closed = new Promise((resolve) => socket.once("close", (code) => {
            this.closeCode = code;
            this.notify();
            resolve(code);
        }));
    }
    /** Opens `url`; rejects with `Refused` (the HTTP status) or an Error naming the label and why. */
    static async open(url, options = {}) {
        const label = options.label ?? url;
        const { socket, opened } = (0, open_socket_1.openSocket)(url, options.protocols, options.socket, options.timeoutMs);
        const client = new TextClient(label, socket); // listening before the first frame can come
        try {
            await opened;
        }
        catch (error) {
            if (options.label !== undefined && error instanceof Error)
                error.message = `${label}: ${error.message}`;
            throw error;
        }
        return client;
    }
    get isOpen() {
        return this.socket.readyState === ws_1.default.OPEN;
    }
    send(text) {
        this.socket.send(text);
    }
    /** Resolves true once `predicate` holds on what was received, false after `timeoutMs` or on close. */
    within(predicate, timeoutMs) {
        if (predicate(this.received))
            return Promise.resolve(true);
        return new Promise((resolve) => {
            const settle = (result) => {
                clearTimeout(timer);
                this.listeners.delete(listener);
                resolve(result);
            };
            const listener = () => {
                if (predicate(this.received))
                    settle(true);
                else if (this.closeCode !== undefined)
                    settle(false);
            };
            const timer = setTimeout(() => settle(false), timeoutMs);
            this.listeners.add(listener);
            listener(); // closed already
        });
    }
    /** Like `within`, but a timeout or a close is an error naming what was awaited and what came. */
    async until(what, predicate, timeoutMs = 5_000) {
        if (await this.within(predicate, timeoutMs))
            return;
        const state = this.closeCode === undefined ? `after ${timeoutMs} ms` : `closed with ${this.closeCode}`;
        throw new Error(`${this.label} did not receive ${what} (${state}); received ${JSON.stringify(this.received)}`);
    }
    /** The first message received (already or to come) that equals or matches `expected`. */
    async next(expected, timeoutMs = 5_000) {
        const matches = (text) => (typeof expected === "string" ? text === expected : expected.test(text));
        const what = typeof expected === "string" ? JSON.stringify(expected) : String(expected);
        await this.until(what, (received) => received.some(matches), timeoutMs);
        return this.received.find(matches);
    }
    /** Resolves with the close code once the server closes this socket, or undefined after `timeoutMs`. */
    async closedBy(timeoutMs) {
        let timer;
        const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
        return Promise.race([this.closed, timeout]).finally(() => clearTimeout(timer));
    }
    /** Closes the socket (1000) and resolves with the close code; a peer that does not answer within `graceMs` is cut off. */
    close(graceMs = 2_000) {
        if (this.closeCode === undefined) {
            const timer = setTimeout(() => this.socket.terminate(), graceMs);
            void this.closed.then(() => clearTimeout(timer));
            if (this.socket.readyState === ws_1.default.OPEN)
                this.socket.close(1000);
            else
                this.socket.terminate();
        }
        return this.closed;
    }
    async [Symbol.asyncDispose]() {
        await this.close();
    }
    notify() {
        for (const listener of [...this.listeners])
            listener();
    }
}
exports.TextClient = TextClient;
//# sourceMappingURL=text-client.js.map