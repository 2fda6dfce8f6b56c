import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Application } from "@channels-ts/core";
import type { ResolvedServerOptions } from "./options";
/**
 * The protocol server behind both `serve()` and `attach()`: turns requests and upgrades into
 * application instances, keeps the set of live connections, and drains them on shutdown.
 * It owns no listening socket; whoever owns the node:http server wires these handlers to it.
 */
export declare class ChannelsServer {
    readonly options: ResolvedServerOptions;
    private readonly context;
    private readonly lifespan;
    private closing;
    constructor(app: Application, options: ResolvedServerOptions);
    /** Live HTTP requests and WebSockets (for tests and metrics). */
    get connectionCount(): number;
    get isClosing(): boolean;
    /** Runs lifespan startup; rejects with `LifespanStartupFailed` if the application reports failure. */
    startup(): Promise<void>;
    /** `rootPath` overrides `options.rootPath` for this request: the mount point `attach()` matched. */
    readonly handleRequest: (req: IncomingMessage, res: ServerResponse, rootPath?: string) => void;
    readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, rootPath?: string) => void;
    /**
     * Graceful shutdown, at most `shutdownTimeoutMs`: WebSockets are closed with 1001 and their
     * applications get `websocket.disconnect`; HTTP requests in flight finish without keep-alive;
     * whatever is still open at the deadline is dropped. Then lifespan shutdown. Idempotent.
     */
    shutdown(): Promise<void>;
    private drain;
    /** True if every connection was released within `ms`. */
    private waitForConnections;
}
