import { ProtocolTypeRouter, URLRouter, WebsocketConsumer, path } from "@channels-ts/core";
import { consoleLogger, serve, stopOnShutdownSignals } from "@channels-ts/server";

class Echo extends WebsocketConsumer {
  override async receive(text?: string): Promise<void> {
    // Behind the proxy, scope.client is the browser's address, taken from X-Forwarded-For.
    await this.send(`${text ?? ""} (from ${String(this.scope.client?.[0])}, root ${this.scope.root_path})`);
  }
}

// Routes are relative to the mount point: a request for /chat/ws/ reaches ws/ when rootPath is /chat.
const application = ProtocolTypeRouter({
  websocket: URLRouter([path("ws/", Echo.asApp())]),
});

async function main(): Promise<void> {
  // #region serve
  const server = await serve(application, {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.PORT ?? 8000),
    rootPath: process.env.ROOT_PATH ?? "", // the prefix the app is mounted under, e.g. "/chat"
    trustProxyHeaders: true, // X-Forwarded-For/-Proto/-Port, believed from loopback peers only (trustedProxies)
    shutdownTimeoutMs: 10_000, // bound on draining connections at shutdown
  });
  console.log(`listening on ${server.url}`);

  // docker stop, systemd and Kubernetes send SIGTERM; Ctrl-C sends SIGINT. On either, close():
  // stop accepting, close every WebSocket with 1001, let running requests finish; then exit 0.
  stopOnShutdownSignals(() => server.close(), consoleLogger);
  // #endregion serve
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
