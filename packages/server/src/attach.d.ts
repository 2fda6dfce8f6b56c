import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Application } from "@channels-ts/core";
import { type AttachOptions, type PathFilter } from "./options";
export interface AttachHandle {
    /** Stops taking requests, drains this application's connections (1001 for WebSockets), and restores the host server's listeners. The host server keeps running. */
    close(): Promise<void>;
}
/**
 * `"/ws"` takes `/ws` and everything under `/ws/`; `"/ws/"` takes everything under `/ws/`.
 * Paths are compared before percent-decoding, as the request carries them.
 */
export declare function pathMatcher(paths: PathFilter | undefined): (path: string) => boolean;
/**
 * Serves `app` on an existing server (plain node:http, Express, Fastify's `server`): takes the
 * WebSocket upgrades, and with `http: true` also the HTTP requests, whose path `paths` accepts;
 * every other request goes to the listeners the server already had. Attach after the host
 * framework has installed its own request listener, so it can be wrapped. Each `paths` entry is
 * a mount point: it becomes the scope's `root_path`, so routes are written relative to it.
 */
export declare function attach(httpServer: HttpServer | HttpsServer, app: Application, options?: AttachOptions): AttachHandle;
