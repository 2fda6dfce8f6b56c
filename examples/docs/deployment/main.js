"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const server_1 = require("@channels-ts/server");
class Echo extends core_1.WebsocketConsumer {
    async receive(text) {
        // Behind the proxy, scope.client is the browser's address, taken from X-Forwarded-For.
        await this.send(`${text ?? ""} (from ${String(this.scope.client?.[0])}, root ${this.scope.root_path})`);
    }
}
// Routes are relative to the mount point: a request for /chat/ws/ reaches ws/ when rootPath is /chat.
const application = (0, core_1.ProtocolTypeRouter)({
    websocket: (0, core_1.URLRouter)([(0, core_1.path)("ws/", Echo.asApp())]),
});
async function main() {
    // #region serve
    const server = await (0, server_1.serve)(application, {
        host: process.env.HOST ?? "127.0.0.1",
        port: Number(process.env.PORT ?? 8000),
        rootPath: process.env.ROOT_PATH ?? "", // the prefix the app is mounted under, e.g. "/chat"
        trustProxyHeaders: true, // X-Forwarded-For/-Proto/-Port: only behind a proxy you control
        shutdownTimeoutMs: 10_000, // bound on draining connections at shutdown
    });
    console.log(`listening on ${server.url}`);
    // docker stop, systemd and Kubernetes send SIGTERM; Ctrl-C sends SIGINT. On either, close():
    // stop accepting, close every WebSocket with 1001, let running requests finish; then exit 0.
    (0, server_1.stopOnShutdownSignals)(() => server.close(), server_1.consoleLogger);
    // #endregion serve
}
main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map