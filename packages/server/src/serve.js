"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serve = serve;
const node_http_1 = require("node:http");
const channels_server_1 = require("./channels-server");
const listen_errors_1 = require("./listen-errors");
const options_1 = require("./options");
function listen(server, host, port) {
    return new Promise((resolve, reject) => {
        const onError = (err) => reject((0, listen_errors_1.listenError)(err, host, port));
        server.once("error", onError);
        server.listen(port, host, () => {
            server.off("error", onError);
            resolve(server.address());
        });
    });
}
function urlHost(host) {
    return host.includes(":") ? `[${host}]` : host;
}
/**
 * Serves `app` over HTTP and WebSocket on a new node:http server: runs lifespan startup, listens,
 * and resolves once listening. Rejects on invalid options (`InvalidServerOption`), failed startup
 * (`LifespanStartupFailed`), a busy port (`PortInUse`) or another listen error (`ListenFailed`).
 */
async function serve(app, options = {}) {
    const resolved = (0, options_1.resolveOptions)(options, "serve");
    const core = new channels_server_1.ChannelsServer(app, resolved);
    await core.startup();
    const server = (0, node_http_1.createServer)();
    server.on("request", core.handleRequest);
    server.on("upgrade", core.handleUpgrade);
    server.on("clientError", (_err, socket) => {
        if (socket.writable)
            socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        else
            socket.destroy();
    });
    let info;
    try {
        info = await listen(server, resolved.host, resolved.port);
    }
    catch (err) {
        await core.shutdown();
        throw err;
    }
    const address = { host: info.address, port: info.port };
    resolved.logger.info({ address }, `Listening on TCP address ${urlHost(info.address)}:${info.port}`);
    let closing;
    const close = async () => {
        const closed = new Promise((resolve) => server.close(() => resolve()));
        await core.shutdown();
        // Responses sent during the drain had keep-alive turned off; anything left is idle or stuck.
        server.closeAllConnections();
        await closed;
    };
    return {
        address,
        url: `http://${urlHost(info.address)}:${info.port}`,
        server,
        close: () => (closing ??= close()),
    };
}
//# sourceMappingURL=serve.js.map