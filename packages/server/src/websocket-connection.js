"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebsocketConnection = void 0;
const core_1 = require("@channels-ts/core");
const accept_headers_1 = require("./accept-headers");
const app_runner_1 = require("./app-runner");
const close_codes_1 = require("./close-codes");
const connection_1 = require("./connection");
const handshake_1 = require("./handshake");
const log_text_1 = require("./log-text");
const message_queue_1 = require("./message-queue");
const scope_1 = require("./scope");
const websocket_server_1 = require("./websocket-server");
const write_coalescer_1 = require("./write-coalescer");
const CONNECT = Object.freeze({ type: "websocket.connect" });
const SENT = Promise.resolve();
/**
 * The connection each socket is handshaking for. The socket listeners of the handshake are
 * shared functions that look their connection up here, rather than closures made per connection;
 * an entry goes once `ws` takes the socket over.
 */
const handshaking = new WeakMap();
/**
 * One WebSocket served by the application: the handshake waits for `websocket.accept` (or is
 * refused on `websocket.close`), frames become `websocket.receive` events, and the end of the
 * connection, whoever causes it, becomes exactly one `websocket.disconnect`.
 */
class WebsocketConnection {
    context;
    socket;
    scope;
    release;
    queue;
    state = "connecting";
    ws;
    /** Ticket of the accept deadline in `context.acceptDeadlines`; -1 once accepted or ended. */
    acceptDeadline = -1;
    disconnected = false;
    /** Close code the server sent for a limit or protocol error; reported if the peer never answers. */
    serverCloseCode;
    pingSentAt = 0;
    lastPingAt = Date.now();
    /** Only until `websocket.accept`: a live connection keeps neither the upgrade request nor its bytes. */
    handshake;
    constructor(context, req, socket, head, rootPath) {
        this.context = context;
        this.socket = socket;
        this.handshake = { req, head, early: undefined, earlyBytes: 0 };
        this.scope = (0, scope_1.buildWebsocketScope)(req, context.options, rootPath);
        this.release = new connection_1.Release(context, this);
        // Backpressure: past maxQueuedMessages unread, stop reading the socket until the application catches up.
        this.queue = new message_queue_1.MessageQueue(context.options.maxQueuedMessages, this);
        // Assigned here rather than as a class-field arrow: no name property per connection under tsx.
        this.send = (event) => {
            try {
                this.handleSend(event);
                return SENT;
            }
            catch (error) {
                return Promise.reject(error);
            }
        };
    }
    get released() {
        return this.release.released;
    }
    /** ReleaseOwner */
    releaseLabel() {
        return `WebSocket ${this.logPath}`;
    }
    onReleased() {
        this.context.connections.delete(this);
    }
    /** `ip:port` of the client, for log lines (made when one is written, not kept). */
    get client() {
        return (0, scope_1.clientLabel)(this.scope.client);
    }
    /** The path as it may appear in a log line (the decoded path can hold control characters). */
    get logPath() {
        return (0, log_text_1.escapeLogText)(this.scope.path);
    }
    /** FlowControl for the inbound queue: stop and restart reading the socket. */
    pause() {
        this.ws?.pause();
    }
    resume() {
        this.ws?.resume();
    }
    start() {
        const socket = this.socket;
        handshaking.set(socket, this);
        socket.on("error", WebsocketConnection.onHandshakeSocketGone);
        socket.on("close", WebsocketConnection.onHandshakeSocketGone);
        // node:http sockets allow half-open connections: a client's FIN shows as "end", not "close".
        socket.on("end", WebsocketConnection.onHandshakeSocketEnd);
        // Reading is the only way to notice a client that leaves while the application decides.
        socket.on("data", WebsocketConnection.onHandshakeData);
        this.context.connections.add(this);
        this.context.accessLog.websocket(this.scope.client, "WSCONNECTING", this.scope.path);
        this.acceptDeadline = this.context.acceptDeadlines.add(this);
        this.queue.push(CONNECT);
        // As superviseApplication, with one promise less: whatever ending the connection throws goes to onFault.
        (0, app_runner_1.runApplication)(this.context.app, this.scope, this.queue.receive, this.send).then(() => this.appEnded(undefined), (err) => this.appEnded(err));
    }
    appEnded(err) {
        try {
            this.onAppEnd(err);
        }
        catch (fault) {
            try {
                this.onFault(fault);
            }
            catch {
                // Nothing is left to report to; staying alive matters more.
            }
        }
    }
    // The handshake's socket listeners, shared by every connection (`this` is the socket).
    static onHandshakeSocketGone() {
        handshaking.get(this)?.socketGone();
    }
    static onHandshakeSocketEnd() {
        this.destroy();
        handshaking.get(this)?.socketGone();
    }
    static onHandshakeData(chunk) {
        handshaking.get(this)?.earlyData(chunk);
    }
    /** The socket closed or failed before `ws` took it over. */
    socketGone() {
        this.disconnect(1006, "");
    }
    earlyData(chunk) {
        const handshake = this.handshake;
        if (handshake === undefined)
            return;
        // A client must not send frames before the 101; bound what a misbehaving one can make us hold.
        handshake.earlyBytes += chunk.length;
        if (handshake.earlyBytes > this.context.options.maxPayload)
            this.socket.destroy();
        else
            (handshake.early ??= []).push(chunk);
    }
    shutdown() {
        if (this.state === "connecting")
            this.refuse(503);
        else if (this.state === "open")
            this.closeWith(1001, "server shutting down");
    }
    terminate() {
        if (this.ws !== undefined)
            this.ws.terminate();
        else
            this.socket.destroy();
    }
    heartbeat(now) {
        const ws = this.ws;
        if (ws === undefined || this.state !== "open")
            return;
        if (ws.isPaused) {
            // A paused socket is not read, so its pong could not be seen; the peer is not judged until the application catches up.
            this.pingSentAt = 0;
            this.lastPingAt = now;
            return;
        }
        const { pingIntervalMs, pongTimeoutMs } = this.context.options;
        if (this.pingSentAt !== 0) {
            if (now - this.pingSentAt < pongTimeoutMs)
                return;
            this.context.logger.debug(`WebSocket ${this.logPath} from ${this.client}: no pong in ${pongTimeoutMs} ms; dropping it`);
            ws.terminate();
            return;
        }
        if (now - this.lastPingAt < pingIntervalMs)
            return;
        this.pingSentAt = this.lastPingAt = now;
        ws.ping();
    }
    /**
     * What the application is given as `send`; checks at run time what the types cannot (a JavaScript
     * application). Not `async`: a frame costs no promise of its own (`SENT` is shared), and a
     * mistake still reaches the application as a rejection.
     */
    send;
    handleSend(event) {
        // `?.`: a JavaScript application can send null.
        switch (event?.type) {
            case "websocket.send":
                return this.sendFrame(event);
            case "websocket.accept":
                if (this.state === "connecting")
                    return this.accept(event);
                if (this.state === "open")
                    throw new core_1.ProtocolError(`WebSocket ${this.scope.path} is already accepted.`);
                return;
            case "websocket.close":
                if (this.state === "connecting")
                    this.refuse(403);
                else if (this.state === "open")
                    this.closeWithEvent(event);
                return;
            // Another protocol's events, named so that a new WebSocket event type is a lint error here
            // (switch-exhaustiveness-check) rather than a silent fall into the default.
            case "http.response.start":
            case "http.response.body":
            case "lifespan.startup.complete":
            case "lifespan.startup.failed":
            case "lifespan.shutdown.complete":
            case "lifespan.shutdown.failed":
            default:
                // ... or not an event at all: a JavaScript application sent null, an unknown type, ...
                throw new core_1.ProtocolError(`A WebSocket application cannot send message type ${(0, app_runner_1.typeOf)(event)}; ` +
                    'use "websocket.accept", "websocket.send" or "websocket.close".');
        }
    }
    sendFrame(event) {
        const ws = this.ws;
        if (this.state === "connecting") {
            throw new core_1.ProtocolError(`websocket.send before websocket.accept on ${this.scope.path}; accept the connection first.`);
        }
        // As Daphne: frames sent after the connection is closing are dropped.
        if (ws === undefined || this.state !== "open")
            return;
        const { text, bytes } = event;
        (0, write_coalescer_1.corkUntilNextTick)(this.socket);
        if (typeof text === "string" && (bytes === undefined || bytes === null))
            this.context.frames.send(ws, text);
        else if (bytes instanceof Uint8Array && (text === undefined || text === null))
            this.context.frames.send(ws, bytes);
        else
            throw new core_1.ProtocolError("websocket.send needs exactly one of text (a string) or bytes (a Uint8Array).");
        const { maxBufferedBytes } = this.context.options;
        // What a tick's cork holds is not the client's backlog: flush it before judging the client,
        // and early for a burst, so that a client that reads is never closed for what we held back.
        if (this.socket.writableLength > Math.min(write_coalescer_1.CORK_FLUSH_BYTES, maxBufferedBytes / 4))
            (0, write_coalescer_1.uncorkNow)(this.socket);
        if (ws.bufferedAmount > maxBufferedBytes) {
            this.context.logger.warn(`WebSocket ${this.logPath} from ${this.client} has ${ws.bufferedAmount} bytes queued ` +
                `(maxBufferedBytes ${this.context.options.maxBufferedBytes}); closing it with 1013`);
            this.serverCloseCode = 1013;
            this.closeWith(1013, "client too slow");
        }
    }
    accept(event) {
        const subprotocol = event.subprotocol ?? undefined;
        if (subprotocol !== undefined &&
            (typeof subprotocol !== "string" || !this.scope.subprotocols.includes(subprotocol))) {
            throw new core_1.ProtocolError(`websocket.accept chose subprotocol ${JSON.stringify(subprotocol)}, which the client did not offer ` +
                `(offered: ${JSON.stringify(this.scope.subprotocols)}); pick one of those or none.`);
        }
        const headerLines = (0, accept_headers_1.acceptHeaderLines)(event.headers);
        const handshake = this.handshake;
        // Accepted once already, and `ws` dropped the socket of a client that had left: its close is on the way.
        if (handshake === undefined)
            return;
        this.handshake = undefined;
        this.clearAcceptTimer();
        const { req, head: firstBytes, early } = handshake;
        const socket = this.socket;
        const handshakes = this.context.handshakes;
        if (subprotocol !== undefined || headerLines.length !== 0)
            handshakes.set(req, { subprotocol, headerLines });
        // `ws` adds its own listeners next; ours for data and end go first, so that the socket's
        // listener lists stay short (an EventEmitter list that grew past two keeps its slack).
        // Both events come asynchronously, after handleUpgrade has returned.
        socket.off("data", WebsocketConnection.onHandshakeData);
        socket.off("end", WebsocketConnection.onHandshakeSocketEnd);
        const head = early === undefined ? firstBytes : Buffer.concat([firstBytes, ...early]);
        // `ws` calls back synchronously on success (so no data event can fall between our listener
        // and its own); if the client already left, it destroys the socket without calling back,
        // and the socket listeners (error and close) report the disconnect.
        this.context.wss.handleUpgrade(req, socket, head, (ws) => this.onOpen(ws));
        handshakes.delete(req);
    }
    onOpen(ws) {
        this.socket.off("error", WebsocketConnection.onHandshakeSocketGone);
        this.socket.off("close", WebsocketConnection.onHandshakeSocketGone);
        handshaking.delete(this.socket);
        this.ws = ws;
        if (this.disconnected) {
            ws.terminate();
            return;
        }
        this.state = "open";
        (0, websocket_server_1.serveSocket)(ws, this);
        this.context.accessLog.websocket(this.scope.client, "WSCONNECT", this.scope.path);
        this.context.heartbeat.add(this);
    }
    /** ServedSocketEvents: a frame from the peer. */
    onMessage(data, isBinary) {
        this.pingSentAt = 0; // any frame proves the peer is alive
        // Once our close frame is out the socket reads on unpaused (for the peer's close frame);
        // what comes before that frame is dropped, so a peer cannot refill the queue meanwhile.
        if (this.state !== "open")
            return;
        const buffer = data; // binaryType "nodebuffer": always one Buffer
        this.queue.push(isBinary ? { type: "websocket.receive", bytes: buffer } : { type: "websocket.receive", text: buffer.toString() });
    }
    onPong() {
        this.pingSentAt = 0;
    }
    onError(err) {
        const code = err.code;
        this.serverCloseCode = (code !== undefined ? close_codes_1.ERROR_CLOSE_CODES[code] : undefined) ?? 1002;
        this.context.logger.debug(`WebSocket ${this.logPath} from ${this.client}: ${err.message}`);
    }
    onClose(code, reason) {
        this.context.heartbeat.delete(this);
        this.disconnect(code === 1006 && this.serverCloseCode !== undefined ? this.serverCloseCode : code, reason.toString());
    }
    /** Delivers the one `websocket.disconnect` of this connection. */
    disconnect(code, reason) {
        if (this.disconnected)
            return;
        this.disconnected = true;
        const wasOpen = this.state !== "connecting";
        this.state = "closed";
        this.clearAcceptTimer();
        this.queue.push(reason === "" ? { type: "websocket.disconnect", code } : { type: "websocket.disconnect", code, reason });
        if (wasOpen)
            this.context.accessLog.websocket(this.scope.client, "WSDISCONNECT", this.scope.path);
        this.release.startDeadline();
    }
    closeWithEvent(event) {
        const code = event.code ?? 1000;
        const reason = event.reason ?? "";
        if (!(0, close_codes_1.isSendableCloseCode)(code)) {
            throw new core_1.ProtocolError(`websocket.close code must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 codes a peer may send), got ${JSON.stringify(code)}.`);
        }
        if (typeof reason !== "string" || Buffer.byteLength(reason) > 123) {
            throw new core_1.ProtocolError("websocket.close reason must be a string of at most 123 UTF-8 bytes.");
        }
        this.closeWith(code, reason);
    }
    closeWith(code, reason) {
        if (this.ws === undefined || this.state !== "open")
            return;
        this.state = "closing";
        this.queue.detach();
        this.ws.close(code, reason);
    }
    /** Refuses the handshake with an HTTP status (403 for a close before accept, as Daphne). */
    refuse(status) {
        if (this.state !== "connecting")
            return;
        this.clearAcceptTimer();
        this.context.accessLog.websocket(this.scope.client, "WSREJECT", this.scope.path);
        (0, handshake_1.refuseHandshake)(this.socket, status);
        this.disconnect(1006, "");
    }
    /** DeadlineMember: `acceptTimeoutMs` has passed since the handshake began. */
    deadlinePassed() {
        this.acceptDeadline = -1;
        this.context.logger.warn(`WebSocket ${this.logPath} from ${this.client} was neither accepted nor closed within ` +
            `${this.context.options.acceptTimeoutMs} ms (acceptTimeoutMs); refusing it`);
        this.refuse(403);
    }
    clearAcceptTimer() {
        if (this.acceptDeadline !== -1)
            this.context.acceptDeadlines.cancel(this.acceptDeadline);
        this.acceptDeadline = -1;
    }
    onAppEnd(err) {
        this.release.settle();
        const path = this.logPath;
        if (err !== undefined && !(0, app_runner_1.isStopConsumer)(err)) {
            if ((0, app_runner_1.isRouteNotFound)(err) && this.state === "connecting") {
                this.context.logger.warn({ path: this.scope.path }, `Not Found: WebSocket ${path} (${err.message})`);
                this.refuse(404);
                return;
            }
            this.context.logger.error({ err }, `Exception inside application for WebSocket ${path}`);
            this.refuse(500);
            this.closeWith((0, app_runner_1.closeCodeFor)(err), "");
            return;
        }
        if (this.state === "connecting") {
            this.context.logger.error(`Application returned without accepting or closing WebSocket ${path}`);
            this.refuse(500);
        }
        else {
            this.closeWith(1000, "");
        }
    }
    /** Ending the connection failed: drop it rather than let the error take the process down. */
    onFault(fault) {
        this.release.settle();
        this.terminate();
        this.context.logger.error({ err: fault }, `Internal error while ending WebSocket ${this.logPath}; connection dropped`);
    }
}
exports.WebsocketConnection = WebsocketConnection;
//# sourceMappingURL=websocket-connection.js.map