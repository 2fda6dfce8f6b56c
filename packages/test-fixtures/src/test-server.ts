import type WebSocket from "ws";
import type { Application } from "@channels-ts/core";
import { serve, silentLogger, type ServeOptions, type ServerHandle } from "@channels-ts/server";
import { WsClients } from "./ws-clients";

/** A server on 127.0.0.1 and a free port, with the clients opened through it. */
export interface TestServer extends ServerHandle, AsyncDisposable {
  /** `ws://127.0.0.1:<port><path>`. */
  wsUrl(path: string): string;
  /** Opens a client on `path` (see WsClients.open), terminated when the server is disposed. */
  openWs(path: string, protocols?: string[], options?: WebSocket.ClientOptions): Promise<WebSocket>;
  /** The HTTP status a handshake on `path` is refused with. */
  refusal(path: string, protocols?: string[]): Promise<number>;
  /** Cuts every client opened so far. */
  terminateClients(): void;
}

/**
 * Serves `app` on 127.0.0.1:0 (silent logger, no pings unless asked) until the `await using`
 * block ends: then its clients are cut and the server closed, failed test or not:
 * `await using server = await startServer(app)`.
 */
export async function startServer(app: Application, options: ServeOptions = {}): Promise<TestServer> {
  const handle = await serve(app, { host: "127.0.0.1", port: 0, logger: silentLogger, pingIntervalMs: 0, ...options });
  const clients = new WsClients();
  const wsUrl = (path: string): string => `ws://127.0.0.1:${handle.address.port}${path}`;
  return {
    address: handle.address,
    url: handle.url,
    server: handle.server,
    metrics: handle.metrics,
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
export function useServer(app: Application, options: ServeOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(app, options);
  });
  afterAll(async () => {
    await server?.[Symbol.asyncDispose]();
    server = undefined;
  });
  return () => {
    if (server === undefined) throw new Error("useServer: no server outside a test");
    return server;
  };
}
