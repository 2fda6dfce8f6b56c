import { type Logger } from "./logger";
/** Every server limit and setting; each has a default in `serverDefaults` (documented in the README). */
export interface ServerOptions {
    /** Interface `serve()` listens on. */
    host: string;
    /** Port `serve()` listens on; 0 picks a free one. */
    port: number;
    /** `root_path` of every scope: the prefix the application is mounted under behind a proxy. */
    rootPath: string;
    /** Largest WebSocket message accepted, in bytes; a bigger one closes that client with 1009. */
    maxPayload: number;
    /** How often each WebSocket is pinged; 0 turns heartbeats off. */
    pingIntervalMs: number;
    /** How long a ping may go unanswered before the peer is taken for dead and dropped (1006). */
    pongTimeoutMs: number;
    /** How long the application has to accept or close a WebSocket handshake before it is refused. */
    acceptTimeoutMs: number;
    /** How long to wait for the peer's close frame after sending ours before dropping the TCP connection. */
    closeTimeoutMs: number;
    /** How long an application may run after its disconnect event before the server stops waiting for it. */
    applicationCloseTimeoutMs: number;
    /** Bytes a WebSocket may have queued for a slow client before it is closed with 1013. */
    maxBufferedBytes: number;
    /**
     * Client messages a WebSocket may hold unread by its application; at this many the server
     * stops reading that socket (TCP flow control slows the client) until the application has
     * read half of them.
     */
    maxQueuedMessages: number;
    /** Upper bound on `close()`: connections still open after it are dropped. */
    shutdownTimeoutMs: number;
    /** Take client address and scheme from X-Forwarded-For / -Proto / -Port (only behind a proxy you trust). */
    trustProxyHeaders: boolean;
    /** "auto": run the lifespan protocol if the application supports it; "on": require it; "off": skip it. */
    lifespan: "auto" | "on" | "off";
    /** Log one line per HTTP request and WebSocket event, as Daphne does (at `info`, through `logger`). */
    accessLog: boolean;
    logger: Logger;
}
export declare const serverDefaults: {
    host: string;
    port: number;
    rootPath: string;
    maxPayload: number;
    pingIntervalMs: number;
    pongTimeoutMs: number;
    acceptTimeoutMs: number;
    closeTimeoutMs: number;
    applicationCloseTimeoutMs: number;
    maxBufferedBytes: number;
    maxQueuedMessages: number;
    shutdownTimeoutMs: number;
    trustProxyHeaders: false;
    lifespan: "auto";
    accessLog: true;
    logger: Logger;
};
export type ServeOptions = Partial<ServerOptions>;
/** Which requests `attach()` takes: a path list (exact or prefix, see README) or a predicate. */
export type PathFilter = readonly string[] | ((path: string) => boolean);
export interface AttachOptions extends Partial<Omit<ServerOptions, "host" | "port" | "lifespan">> {
    /** Paths to take; every other request is left to the host server. Default: all upgrade requests. */
    paths?: PathFilter;
    /** Also take plain HTTP requests on those paths (default false: WebSocket upgrades only). */
    http?: boolean;
}
export type ResolvedServerOptions = Readonly<ServerOptions>;
/**
 * Spreads `options` over the defaults and rejects, naming the option, anything unknown (a typo
 * would otherwise silently fall back to a default), out of range, or in conflict.
 */
export declare function resolveOptions(options: object, kind: "serve" | "attach"): ResolvedServerOptions;
