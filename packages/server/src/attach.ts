import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Duplex } from "node:stream";
import type { Application } from "@channels-ts/core";
import { ChannelsServer } from "./channels-server";
import { refuseHandshake } from "./handshake";
import { resolveOptions, type AttachOptions, type PathFilter } from "./options";
import { splitTarget } from "./scope";

export interface AttachHandle {
  /** Stops taking requests, drains this application's connections (1001 for WebSockets), and restores the host server's listeners. The host server keeps running. */
  close(): Promise<void>;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * `"/ws"` takes `/ws` and everything under `/ws/`; `"/ws/"` takes everything under `/ws/`.
 * Paths are compared before percent-decoding, as the request carries them.
 */
export function pathMatcher(paths: PathFilter | undefined): (path: string) => boolean {
  if (paths === undefined) return () => true;
  if (typeof paths === "function") return paths;
  const list = [...paths];
  return (path) => list.some((p) => path === p || (p.endsWith("/") ? path.startsWith(p) : path.startsWith(`${p}/`)));
}

/**
 * Serves `app` on an existing server (plain node:http, Express, Fastify's `server`): takes the
 * WebSocket upgrades, and with `http: true` also the HTTP requests, whose path `paths` accepts;
 * every other request goes to the listeners the server already had. Attach after the host
 * framework has installed its own request listener, so it can be wrapped.
 */
export function attach(
  httpServer: HttpServer | HttpsServer,
  app: Application,
  options: AttachOptions = {},
): AttachHandle {
  const { paths, http = false, ...rest } = options;
  const resolved = resolveOptions({ ...rest, paths, http }, "attach");
  const core = new ChannelsServer(app, { ...resolved, lifespan: "off" });
  const matches = pathMatcher(paths);
  const server = httpServer as HttpServer;
  const ours = (req: IncomingMessage): boolean => matches(splitTarget(req.url ?? "/").rawPath);

  const hostUpgrade = server.listeners("upgrade") as UpgradeListener[];
  const onUpgrade: UpgradeListener = (req, socket, head) => {
    if (ours(req)) return core.handleUpgrade(req, socket, head);
    for (const listener of hostUpgrade) listener.call(server, req, socket, head);
    // Node destroys unclaimed upgrades only when nobody listens; now we listen, so we must.
    if (hostUpgrade.length === 0 && server.listenerCount("upgrade") === 1) {
      socket.on("error", () => undefined);
      refuseHandshake(socket, 404);
    }
  };
  server.removeAllListeners("upgrade");
  server.on("upgrade", onUpgrade);

  const hostRequest = http ? (server.listeners("request") as RequestListener[]) : [];
  const onRequest: RequestListener = (req, res) => {
    if (ours(req)) return core.handleRequest(req, res);
    for (const listener of hostRequest) listener.call(server, req, res);
    if (hostRequest.length === 0 && server.listenerCount("request") === 1) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("404 Not Found\n");
    }
  };
  if (http) {
    server.removeAllListeners("request");
    server.on("request", onRequest);
  }

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    server.off("upgrade", onUpgrade);
    for (const listener of hostUpgrade) server.on("upgrade", listener);
    if (http) {
      server.off("request", onRequest);
      for (const listener of hostRequest) server.on("request", listener);
    }
    await core.shutdown();
  };
  return { close: () => (closing ??= close()) };
}
