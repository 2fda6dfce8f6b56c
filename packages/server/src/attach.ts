import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Duplex } from "node:stream";
import type { Application } from "@channels-ts/core";
import type { Registry } from "prom-client";
import { ChannelsServer } from "./channels-server";
import { refuseHandshake } from "./handshake";
import { InvalidServerOption } from "./errors";
import { resolveOptions, type AttachOptions, type PathFilter } from "./options";
import { splitTarget } from "./scope";

export interface AttachHandle {
  /** The registry `metricsPath` serves (add metrics of your own to it), undefined when metrics are off. */
  readonly metrics: Registry | undefined;
  /** Stops taking requests, drains this application's connections (1001 for WebSockets), and restores the host server's listeners. The host server keeps running. */
  close(): Promise<void>;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** True if `path` is `entry` or under it: `"/ws"` takes `/ws` and `/ws/...`; `"/ws/"` takes `/ws/...`. */
function under(path: string, entry: string): boolean {
  return path === entry || (entry.endsWith("/") ? path.startsWith(entry) : path.startsWith(`${entry}/`));
}

/**
 * `"/ws"` takes `/ws` and everything under `/ws/`; `"/ws/"` takes everything under `/ws/`.
 * Paths are compared before percent-decoding, as the request carries them.
 */
export function pathMatcher(paths: PathFilter | undefined): (path: string) => boolean {
  if (paths === undefined) return () => true;
  if (typeof paths === "function") return paths;
  const list = [...paths];
  return (path) => list.some((entry) => under(path, entry));
}

/** The `root_path` a mount entry gives its scopes: the entry without its trailing slash. */
function mountRoot(entry: string): string {
  return entry.replace(/\/+$/, "");
}

interface Mount {
  matches: (path: string) => boolean;
  /** The `root_path` of scopes under this mount. */
  rootPath: string;
}

/**
 * Which requests are ours, and the root path each gets: with `paths: ["/ws"]` the scopes of
 * requests under `/ws` get `root_path: "/ws"`, so a URLRouter inside sees paths relative to the
 * mount point, as with Express's `app.use("/ws", router)`. `path` stays the full path, as ASGI has it.
 */
function mounts(paths: PathFilter | undefined, rootPath: string | undefined, defaultRoot: string): Mount[] {
  if (paths === undefined || typeof paths === "function") {
    return [{ matches: pathMatcher(paths), rootPath: defaultRoot }];
  }
  if (rootPath !== undefined) {
    const outside = paths.filter((entry) => rootPath !== "" && !under(entry, rootPath));
    if (outside.length > 0) {
      throw new InvalidServerOption(
        "rootPath",
        `Options rootPath ${JSON.stringify(rootPath)} and paths ${JSON.stringify(outside)} conflict: a request on those paths ` +
          "is not under rootPath, so no route could match it; drop rootPath (each path is then its own root_path) " +
          "or list only paths under it.",
      );
    }
    return [{ matches: pathMatcher(paths), rootPath }];
  }
  return paths.map((entry) => ({ matches: pathMatcher([entry]), rootPath: mountRoot(entry) }));
}

/**
 * Serves `app` on an existing server (plain node:http, Express, Fastify's `server`): takes the
 * WebSocket upgrades, and with `http: true` also the HTTP requests, whose path `paths` accepts;
 * every other request goes to the listeners the server already had. Attach after the host
 * framework has installed its own request listener, so it can be wrapped. Each `paths` entry is
 * a mount point: it becomes the scope's `root_path`, so routes are written relative to it.
 */
export function attach(
  httpServer: HttpServer | HttpsServer,
  app: Application,
  options: AttachOptions = {},
): AttachHandle {
  const { paths, http = false, ...rest } = options;
  const resolved = resolveOptions({ ...rest, paths, http }, "attach");
  const core = new ChannelsServer(app, { ...resolved, lifespan: "off" });
  core.announceProbes();
  const table = mounts(paths, rest.rootPath, resolved.rootPath);
  const server = httpServer as HttpServer;
  const mountOf = (req: IncomingMessage): Mount | undefined => {
    const path = splitTarget(req.url ?? "/").rawPath;
    return table.find((mount) => mount.matches(path));
  };

  const hostUpgrade = server.listeners("upgrade") as UpgradeListener[];
  const onUpgrade: UpgradeListener = (req, socket, head) => {
    const mount = mountOf(req);
    if (mount !== undefined) return core.handleUpgrade(req, socket, head, mount.rootPath);
    for (const listener of hostUpgrade) listener.call(server, req, socket, head);
    // Node destroys unclaimed upgrades only when nobody listens; now we listen, so we must.
    if (hostUpgrade.length === 0 && server.listenerCount("upgrade") === 1) {
      socket.on("error", () => undefined);
      refuseHandshake(socket, 404);
    }
  };
  server.removeAllListeners("upgrade");
  server.on("upgrade", onUpgrade);

  // Health, readiness and metrics paths are answered whatever `paths` and `http` say, until the drain ends.
  const takeRequests = http || core.answersProbes;
  let draining = false;
  const hostRequest = takeRequests ? (server.listeners("request") as RequestListener[]) : [];
  const onRequest: RequestListener = (req, res) => {
    if (core.handleProbe(req, res)) return;
    const mount = http && !draining ? mountOf(req) : undefined;
    if (mount !== undefined) return core.handleRequest(req, res, mount.rootPath);
    for (const listener of hostRequest) listener.call(server, req, res);
    if (hostRequest.length === 0 && server.listenerCount("request") === 1) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("404 Not Found\n");
    }
  };
  if (takeRequests) {
    server.removeAllListeners("request");
    server.on("request", onRequest);
  }

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    server.off("upgrade", onUpgrade);
    for (const listener of hostUpgrade) server.on("upgrade", listener);
    draining = true;
    if (!core.answersProbes) restoreRequests();
    await core.shutdown();
    // Readiness answered 503 during the drain; now the host server has its paths back.
    if (core.answersProbes) restoreRequests();
  };
  const restoreRequests = (): void => {
    if (!takeRequests) return;
    server.off("request", onRequest);
    for (const listener of hostRequest) server.on("request", listener);
  };
  return { metrics: core.metricsRegistry, close: () => (closing ??= close()) };
}
