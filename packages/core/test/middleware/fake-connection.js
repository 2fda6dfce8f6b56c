"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fakeConnection = fakeConnection;
exports.websocketScope = websocketScope;
exports.httpScope = httpScope;
exports.scopeRecorder = scopeRecorder;
exports.handshake = handshake;
/** A FIFO whose `next()` waits for the next `push`: the two directions of a fake connection. */
class MessageQueue {
    items = [];
    waiters = [];
    push(message) {
        const waiter = this.waiters.shift();
        if (waiter)
            waiter(message);
        else
            this.items.push(message);
    }
    next() {
        const item = this.items.shift();
        if (item)
            return Promise.resolve(item);
        return new Promise((resolve) => this.waiters.push(resolve));
    }
}
/** In-process stand-in for a server: feed it client events, read what the application sent. */
function fakeConnection(...incoming) {
    const toApp = new MessageQueue();
    const fromApp = new MessageQueue();
    const sent = [];
    for (const message of incoming)
        toApp.push(message);
    const receive = () => toApp.next();
    const send = async (message) => {
        sent.push(message);
        fromApp.push(message);
    };
    return { receive, send, sent, push: (m) => toApp.push(m), nextSent: () => fromApp.next() };
}
function websocketScope(headers = [], extra = {}) {
    return { type: "websocket", path: "/ws/", query_string: "", root_path: "", headers, subprotocols: [], ...extra };
}
function httpScope(headers = [], extra = {}) {
    return { type: "http", method: "GET", path: "/", query_string: "", root_path: "", headers, ...extra };
}
/** An application that records the scope it was given and returns. */
function scopeRecorder() {
    const seen = [];
    const app = async (scope) => {
        seen.push(scope);
    };
    return { app, seen };
}
/** Runs a WebSocket handshake against `app`; true if it accepted, false if it closed. */
async function handshake(app, scope) {
    const conn = fakeConnection({ type: "websocket.connect" });
    const running = app(scope, conn.receive, conn.send);
    const reply = await conn.nextSent();
    conn.push({ type: "websocket.disconnect", code: 1000 });
    await running;
    if (reply.type === "websocket.close")
        expect(reply["code"]).toBe(1008);
    return reply.type === "websocket.accept";
}
//# sourceMappingURL=fake-connection.js.map