import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Application } from "@channels-ts/core";
import type { Registry } from "prom-client";
import { ChannelsServer } from "./channels-server";
import { listenError } from "./listen-errors";
import { resolveOptions, type ServeOptions } from "./options";

export interface ServerHandle {
  /** Where the server listens (the real port when 0 was asked for). */
  readonly address: { host: string; port: number };
  /** `http://host:port`, for clients and logs. */
  readonly url: string;
  /** The node:http server, e.g. to read `server.connections` or add routes of your own. */
  readonly server: Server;
  /** The registry `metricsPath` serves (add metrics of your own to it), undefined when metrics are off. */
  readonly metrics: Registry | undefined;
  /** Graceful shutdown (see README); idempotent; resolves within the drain bounds. Readiness drops first. */
  close(): Promise<void>;
}

/** node:http's own `requestTimeout` (5 min), kept; it may not be shorter than `headersTimeout`. */
const NODE_REQUEST_TIMEOUT_MS = 300_000;

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise<AddressInfo>((resolve, reject) => {
    const onError = (err: Error): void => reject(listenError(err, host, port));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Serves `app` over HTTP and WebSocket on a new node:http server: runs lifespan startup, listens,
 * and resolves once listening. Rejects on invalid options (`InvalidServerOption`), failed startup
 * (`LifespanStartupFailed`), a busy port (`PortInUse`) or another listen error (`ListenFailed`).
 */
export async function serve(app: Application, options: ServeOptions = {}): Promise<ServerHandle> {
  const resolved = resolveOptions(options, "serve");
  const core = new ChannelsServer(app, resolved);
  await core.startup();
  const server = createServer({
    maxHeaderSize: resolved.maxHeaderSize,
    // The time to send a request's head, the upgrade request's included (slow-headers attacks);
    // node checks it only every connectionsCheckingInterval (30 s by default), hence ours.
    headersTimeout: resolved.handshakeTimeoutMs,
    requestTimeout: Math.max(NODE_REQUEST_TIMEOUT_MS, resolved.handshakeTimeoutMs),
    connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(resolved.handshakeTimeoutMs / 4))),
  });
  server.on("request", core.handleRequest);
  server.on("upgrade", core.handleUpgrade);
  server.on("clientError", core.handleClientError);
  let info: AddressInfo;
  try {
    info = await listen(server, resolved.host, resolved.port);
  } catch (err) {
    await core.shutdown();
    throw err;
  }
  const address = { host: info.address, port: info.port };
  resolved.logger.info({ address }, `Listening on TCP address ${urlHost(info.address)}:${info.port}`);
  // Only now: a server that failed to listen answers no path at all.
  core.announceProbes();

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    // With a readiness path, the server keeps listening while it drains, so that a load balancer
    // still gets its answer (503) and stops sending, and whatever else comes is refused with 503;
    // without one, it stops listening at once, as before.
    const keepListening = resolved.readyzPath !== null;
    let closed = keepListening ? undefined : new Promise<void>((resolve) => server.close(() => resolve()));
    await core.shutdown();
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    // Responses sent during the drain had keep-alive turned off; anything left is idle or stuck.
    server.closeAllConnections();
    await closed;
  };
  return {
    address,
    url: `http://${urlHost(info.address)}:${info.port}`,
    server,
    metrics: core.metricsRegistry,
    close: () => (closing ??= close()),
  };
}
