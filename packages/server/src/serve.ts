import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Application } from "@channels-ts/core";
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
  /** Graceful shutdown (see README); idempotent; resolves within the drain bounds. */
  close(): Promise<void>;
}

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
  const server = createServer();
  server.on("request", core.handleRequest);
  server.on("upgrade", core.handleUpgrade);
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // As node's own handler: headers over maxHeaderSize are 431, anything else malformed 400.
    const status = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  let info: AddressInfo;
  try {
    info = await listen(server, resolved.host, resolved.port);
  } catch (err) {
    await core.shutdown();
    throw err;
  }
  const address = { host: info.address, port: info.port };
  resolved.logger.info({ address }, `Listening on TCP address ${urlHost(info.address)}:${info.port}`);

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
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
