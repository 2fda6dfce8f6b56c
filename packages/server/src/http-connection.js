"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpConnection = void 0;
const node_http_1 = require("node:http");
const core_1 = require("@channels-ts/core");
const app_runner_1 = require("./app-runner");
const connection_1 = require("./connection");
const log_text_1 = require("./log-text");
const scope_1 = require("./scope");
const DISCONNECT = Object.freeze({ type: "http.disconnect" });
function statusHasBody(status, method) {
    return method !== "HEAD" && status >= 200 && status !== 204 && status !== 304;
}
/** Flattens ASGI header pairs into Node's raw `[name, value, name, value]` form, keeping duplicates. */
function flattenHeaders(headers) {
    if (headers === undefined)
        return { flat: [], hasLength: false };
    if (!Array.isArray(headers))
        throw new core_1.ProtocolError("http.response.start headers must be an array of [name, value] pairs.");
    const flat = [];
    let hasLength = false;
    for (const pair of headers) {
        if (!Array.isArray(pair) || pair.length !== 2) {
            throw new core_1.ProtocolError(`http.response.start header ${JSON.stringify(pair)} is not a [name, value] pair.`);
        }
        const name = pair[0] instanceof Uint8Array ? Buffer.from(pair[0]).toString("latin1") : String(pair[0]);
        const value = pair[1] instanceof Uint8Array ? Buffer.from(pair[1]).toString("latin1") : String(pair[1]);
        checkHeader(name, value);
        const lower = name.toLowerCase();
        if (lower === "content-length" || lower === "transfer-encoding")
            hasLength = true;
        flat.push(name, value);
    }
    return { flat, hasLength };
}
/** node:http's own checks, made at `http.response.start` so the error is the application's and names the header. */
function checkHeader(name, value) {
    try {
        (0, node_http_1.validateHeaderName)(name);
        (0, node_http_1.validateHeaderValue)(name, value);
    }
    catch {
        throw new core_1.ProtocolError(`http.response.start header ${JSON.stringify(name)}: ${JSON.stringify(value)} is not a valid HTTP header ` +
            "(the name must be an RFC 7230 token, the value must not hold control characters such as CR, LF or NUL).");
    }
}
/**
 * One HTTP request served by the application. The request body is pulled from the socket only
 * as the application calls `receive()` (so a large upload is never held in memory), and each
 * `http.response.body` chunk is written as it comes, waiting for `drain` when the client is slow.
 */
class HttpConnection {
    context;
    req;
    res;
    scope;
    release;
    state = "waiting";
    disconnected = false;
    bodyDone = false;
    status = 200;
    headers = { flat: [], hasLength: false };
    bytesSent = 0;
    waiters = [];
    constructor(context, req, res, rootPath) {
        this.context = context;
        this.req = req;
        this.res = res;
        this.scope = (0, scope_1.buildHttpScope)(req, context.options, rootPath);
        this.release = new connection_1.Release(context, () => `HTTP ${this.scope.method} ${(0, log_text_1.escapeLogText)(this.scope.path)}`);
        this.released = this.release.released;
    }
    released;
    start() {
        const { req, res } = this;
        req.on("error", () => this.onGone());
        res.on("error", () => this.onGone());
        res.on("close", () => this.onClose());
        this.context.connections.add(this);
        void this.release.released.then(() => this.context.connections.delete(this));
        (0, app_runner_1.superviseApplication)(this.context.app, this.scope, this.receive, this.send, this.onAppEnd, this.onFault);
    }
    shutdown() {
        const res = this.res;
        // Finish what is in flight, but tell the client not to reuse the connection.
        if (!res.headersSent) {
            res.shouldKeepAlive = false;
            return;
        }
        // A response already streaming (server-sent events) may never end by itself: the
        // application hears http.disconnect and the response is ended here, so close() need
        // not wait out shutdownTimeoutMs for it.
        if (this.state !== "started" || this.disconnected || res.writableEnded)
            return;
        this.disconnected = true;
        this.state = "complete";
        // With a Content-Length of its own the response cannot end early and stay well-formed.
        if (this.headers.hasLength)
            res.destroy();
        else
            res.end();
        this.deliverDisconnect();
    }
    terminate() {
        this.res.destroy();
    }
    receive = () => {
        if (this.disconnected || this.state === "complete")
            return Promise.resolve(DISCONNECT);
        if (!this.bodyDone) {
            const message = this.readBody();
            if (message !== undefined)
                return Promise.resolve(message);
        }
        return new Promise((resolve) => {
            this.waiters.push(resolve);
            if (!this.bodyDone)
                this.awaitBody();
        });
    };
    /** Next body chunk if one is buffered (or the body is known to be over), else undefined. */
    readBody() {
        const chunk = this.req.read();
        // `complete` is set once the whole body is in the stream's buffer, so an empty buffer
        // after this read means this chunk was the last one.
        const last = this.req.complete && this.req.readableLength === 0;
        if (chunk === null && !last)
            return undefined;
        if (last)
            this.bodyDone = true;
        return { type: "http.request", body: chunk ?? app_runner_1.EMPTY, more_body: !last };
    }
    awaitBody() {
        const req = this.req;
        const onReadable = () => {
            if (this.waiters.length === 0 || this.bodyDone)
                return cleanup();
            const message = this.readBody();
            if (message === undefined)
                return;
            cleanup();
            this.deliver(message);
        };
        const cleanup = () => {
            req.off("readable", onReadable);
            req.off("end", onReadable);
        };
        req.on("readable", onReadable);
        req.on("end", onReadable);
    }
    deliver(event) {
        const waiter = this.waiters.shift();
        if (waiter !== undefined)
            waiter(event);
    }
    deliverDisconnect() {
        for (const waiter of this.waiters.splice(0))
            waiter(DISCONNECT);
        this.release.startDeadline();
    }
    /** What the application is given as `send`; checks at run time what the types cannot (a JS application). */
    send = async (event) => {
        // `?.`: a JavaScript application can send null.
        switch (event?.type) {
            case "http.response.start":
                if (this.state !== "waiting") {
                    throw new core_1.ProtocolError(`http.response.start sent twice for ${this.scope.method} ${this.scope.path}.`);
                }
                this.status = Number(event.status);
                if (!Number.isInteger(this.status) || this.status < 100 || this.status > 999) {
                    throw new core_1.ProtocolError(`http.response.start status must be an integer HTTP status, got ${JSON.stringify(event.status)}.`);
                }
                this.headers = flattenHeaders(event.headers);
                this.state = "started";
                return;
            case "http.response.body":
                if (this.state === "waiting") {
                    throw new core_1.ProtocolError("http.response.body sent before http.response.start; send the status and headers first.");
                }
                // As Daphne: once the client is gone or the response is over, further sends are dropped.
                if (this.state === "complete" || this.disconnected)
                    return;
                return this.writeBody(event.body === undefined ? app_runner_1.EMPTY : (0, app_runner_1.toBytes)(event.body, "http.response.body body"), event.more_body === true);
            // Another protocol's events, named so that a new HTTP event type is a lint error here
            // (switch-exhaustiveness-check) rather than a silent fall into the default.
            case "websocket.accept":
            case "websocket.send":
            case "websocket.close":
            case "lifespan.startup.complete":
            case "lifespan.startup.failed":
            case "lifespan.shutdown.complete":
            case "lifespan.shutdown.failed":
            default:
                // ... or not an event at all: a JavaScript application sent null, an unknown type, ...
                throw new core_1.ProtocolError(`An HTTP application cannot send message type ${(0, app_runner_1.typeOf)(event)}; ` +
                    'use "http.response.start" then "http.response.body".');
        }
    };
    async writeBody(body, more) {
        const res = this.res;
        if (!res.headersSent) {
            const { flat, hasLength } = this.headers;
            if (!more && !hasLength && statusHasBody(this.status, this.scope.method)) {
                flat.push("content-length", String(body.length));
            }
            res.writeHead(this.status, flat);
            // Streaming responses (server-sent events) must show their headers before the first event.
            if (more && body.length === 0)
                res.flushHeaders();
        }
        this.bytesSent += body.length;
        if (!more) {
            this.state = "complete";
            res.end(body);
            this.deliverDisconnect();
            return;
        }
        if (body.length > 0 && !res.write(body))
            await this.drained();
    }
    drained() {
        return new Promise((resolve) => {
            const done = () => {
                this.res.off("drain", done);
                this.res.off("close", done);
                resolve();
            };
            this.res.on("drain", done);
            this.res.on("close", done);
        });
    }
    onGone() {
        if (this.disconnected)
            return;
        this.disconnected = true;
        this.deliverDisconnect();
    }
    onClose() {
        if (!this.res.writableFinished)
            this.onGone();
        else if (!this.bodyDone)
            this.req.resume(); // unread body: drain it so keep-alive can go on
        this.context.accessLog.http((0, scope_1.clientLabel)(this.scope.client), this.scope.method, this.req.url === undefined ? this.scope.path : (this.req.url.split("?", 1)[0] ?? ""), this.res.headersSent ? this.res.statusCode : undefined, this.bytesSent);
    }
    onAppEnd = (err) => {
        this.release.settle();
        const what = `${this.scope.method} ${(0, log_text_1.escapeLogText)(this.scope.path)}`;
        if (err !== undefined && !(0, app_runner_1.isStopConsumer)(err)) {
            if ((0, app_runner_1.isRouteNotFound)(err) && this.state === "waiting") {
                this.context.logger.warn({ path: this.scope.path }, `Not Found: ${what} (${err.message})`);
                this.respondPlain(404);
                return;
            }
            this.context.logger.error({ err }, `Exception inside application for HTTP ${what}`);
        }
        else if (this.state !== "complete" && !this.disconnected) {
            this.context.logger.error(`Application returned without completing the response to HTTP ${what}`);
        }
        const res = this.res;
        if (res.writableEnded)
            return; // the response is complete (or was ended on shutdown)
        // Until the headers are on the wire (http.response.start alone writes nothing) a 500 can still be sent.
        if (!res.headersSent && !this.disconnected)
            this.respondPlain(500);
        else
            res.destroy(); // headers are out: the only honest signal left
    };
    /** Ending the request failed: drop it rather than let the error take the process down. */
    onFault = (fault) => {
        this.release.settle();
        this.res.destroy();
        const what = `${this.scope.method} ${(0, log_text_1.escapeLogText)(this.scope.path)}`;
        this.context.logger.error({ err: fault }, `Internal error while ending HTTP ${what}; connection dropped`);
    };
    respondPlain(status) {
        if (this.disconnected || this.res.headersSent)
            return;
        this.state = "complete";
        const text = `${status} ${node_http_1.STATUS_CODES[status] ?? ""}\n`;
        this.bytesSent += Buffer.byteLength(text);
        this.res.writeHead(status, {
            "content-type": "text/plain; charset=utf-8",
            "content-length": Buffer.byteLength(text),
        });
        this.res.end(text);
    }
}
exports.HttpConnection = HttpConnection;
//# sourceMappingURL=http-connection.js.map