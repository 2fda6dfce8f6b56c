import { type Server } from "node:http";
import type { Application } from "@channels-ts/core";
import { type ServeOptions } from "./options";
export interface ServerHandle {
    /** Where the server listens (the real port when 0 was asked for). */
    readonly address: {
        host: string;
        port: number;
    };
    /** `http://host:port`, for clients and logs. */
    readonly url: string;
    /** The node:http server, e.g. to read `server.connections` or add routes of your own. */
    readonly server: Server;
    /** Graceful shutdown (see README); idempotent; resolves within the drain bounds. */
    close(): Promise<void>;
}
/**
 * Serves `app` over HTTP and WebSocket on a new node:http server: runs lifespan startup, listens,
 * and resolves once listening. Rejects on invalid options (`InvalidServerOption`), failed startup
 * (`LifespanStartupFailed`), a busy port (`PortInUse`) or another listen error (`ListenFailed`).
 */
export declare function serve(app: Application, options?: ServeOptions): Promise<ServerHandle>;
