"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startServer = startServer;
exports.useServer = useServer;
const server_1 = require("@channels-ts/server");
const ws_clients_1 = require("./ws-clients");
/**
 * Serves `app` on 127.0.0.1:0 (silent logger, no pings unless asked) until the `await using`
 * block ends: then its clients are cut and the server closed, failed test or not:
 * `await using server = await startServer(app)`.
 */
async function startServer(app, options = {}) {
    const handle = await (0, server_1.serve)(app, { host: "127.0.0.1", port: 0, logger: server_1.silentLogger, pingIntervalMs: 0, ...options });
    const clients = new ws_clients_1.WsClients();
    const wsUrl = (path) => `ws://127.0.0.1:${handle.address.port}${path}`;
    return {
        address: handle.address,
        url: handle.url,
        server: handle.server,
        close: () => handle.close(),
        wsUrl,
        openWs: (path, protocols, clientOptions) => clients.open(wsUrl(path), protocols, clientOptions),
        refusal: (path, protocols) => clients.refusal(wsUrl(path), protocols),
        terminateClients: () => clients.terminate(),
        async [Symbol.asyncDispose]() {
            clients.terminate();
            await handle.close();
        },
    };
}
/**
 * A TestServer for the enclosing describe block (or file): started in beforeAll, disposed in
 * afterAll. Returns a getter, as the server exists only once the block runs.
 */
function useServer(app, options = {}) {
    let server;
    beforeAll(async () => {
        server = await startServer(app, options);
    });
    afterAll(async () => {
        await server?.[Symbol.asyncDispose]();
        server = undefined;
    });
    return () => {
        if (server === undefined)
            throw new Error("useServer: no server outside a test");
        return server;
    };
}
//# sourceMappingURL=test-server.js.map