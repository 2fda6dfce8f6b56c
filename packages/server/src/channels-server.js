"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelsServer = void 0;
const access_log_1 = require("./access-log");
const deadline_queue_1 = require("./deadline-queue");
const handshake_1 = require("./handshake");
const heartbeat_1 = require("./heartbeat");
const shared_frame_1 = require("./shared-frame");
const http_connection_1 = require("./http-connection");
const lifespan_1 = require("./lifespan");
const websocket_connection_1 = require("./websocket-connection");
const websocket_server_1 = require("./websocket-server");
const ignore = () => undefined;
/**
 * The protocol server behind both `serve()` and `attach()`: turns requests and upgrades into
 * application instances, keeps the set of live connections, and drains them on shutdown.
 * It owns no listening socket; whoever owns the node:http server wires these handlers to it.
 */
class ChannelsServer {
    options;
    context;
    lifespan;
    closing;
    constructor(app, options) {
        this.options = options;
        const handshakes = new WeakMap();
        const tickMs = options.pingIntervalMs === 0 ? 0 : Math.min(options.pingIntervalMs, options.pongTimeoutMs);
        this.context = {
            app,
            options,
            logger: options.logger,
            accessLog: new access_log_1.AccessLog(options.accessLog ? options.logger : undefined),
            connections: new Set(),
            wss: (0, websocket_server_1.createWebsocketServer)(options, handshakes),
            handshakes,
            heartbeat: new heartbeat_1.Heartbeat(tickMs),
            frames: new shared_frame_1.FrameCache(),
            acceptDeadlines: new deadline_queue_1.DeadlineQueue(options.acceptTimeoutMs),
        };
        this.lifespan = options.lifespan === "off" ? undefined : new lifespan_1.Lifespan(app, options.logger, options.lifespan);
    }
    /** Live HTTP requests and WebSockets (for tests and metrics). */
    get connectionCount() {
        return this.context.connections.size;
    }
    get isClosing() {
        return this.closing !== undefined;
    }
    /** Runs lifespan startup; rejects with `LifespanStartupFailed` if the application reports failure. */
    async startup() {
        await this.lifespan?.startup();
    }
    /** `rootPath` overrides `options.rootPath` for this request: the mount point `attach()` matched. */
    handleRequest = (req, res, rootPath = this.options.rootPath) => {
        if (this.closing !== undefined) {
            res.writeHead(503, { connection: "close", "content-type": "text/plain; charset=utf-8" });
            res.end("503 Service Unavailable\n");
            return;
        }
        new http_connection_1.HttpConnection(this.context, req, res, rootPath).start();
    };
    handleUpgrade = (req, socket, head, rootPath = this.options.rootPath) => {
        const problem = this.closing !== undefined ? { status: 503, reason: undefined } : (0, handshake_1.handshakeProblem)(req);
        if (problem !== undefined) {
            socket.on("error", ignore); // a reset while refusing must not become an uncaught error
            (0, handshake_1.refuseHandshake)(socket, problem.status, problem.reason === undefined ? undefined : `${problem.reason}\n`);
            return;
        }
        // The connection listens for errors itself from here on (and `ws` once it takes over).
        new websocket_connection_1.WebsocketConnection(this.context, req, socket, head, rootPath).start();
    };
    /**
     * Graceful shutdown, at most `shutdownTimeoutMs`: WebSockets are closed with 1001 and their
     * applications get `websocket.disconnect`; HTTP requests in flight finish without keep-alive;
     * whatever is still open at the deadline is dropped. Then lifespan shutdown. Idempotent.
     */
    shutdown() {
        this.closing ??= this.drain();
        return this.closing;
    }
    async drain() {
        const { connections, logger, heartbeat, wss } = this.context;
        const deadline = Date.now() + this.options.shutdownTimeoutMs;
        for (const connection of connections)
            connection.shutdown();
        if (!(await this.waitForConnections(this.options.shutdownTimeoutMs))) {
            logger.warn(`${connections.size} connection(s) still open after shutdownTimeoutMs (${this.options.shutdownTimeoutMs} ms); dropping them`);
            for (const connection of connections)
                connection.terminate();
            // Give dropped connections' applications their disconnect, within the close timeout.
            await this.waitForConnections(this.options.applicationCloseTimeoutMs);
        }
        heartbeat.stop();
        wss.close();
        await this.lifespan?.shutdown(Math.max(deadline - Date.now(), 1000));
    }
    /** True if every connection was released within `ms`. */
    async waitForConnections(ms) {
        const connections = this.context.connections;
        if (connections.size === 0)
            return true;
        let timer;
        const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(false), ms)));
        const all = Promise.all([...connections].map((c) => c.released)).then(() => true);
        const done = await Promise.race([all, timedOut]);
        clearTimeout(timer);
        return done && connections.size === 0;
    }
}
exports.ChannelsServer = ChannelsServer;
//# sourceMappingURL=channels-server.js.map