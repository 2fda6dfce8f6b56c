import type { Application } from "@channels-ts/core";
import type { AccessLog } from "./access-log";
import type { Logger } from "./logger";
import type { ResolvedServerOptions } from "./options";
/** What the server keeps of each live HTTP request or WebSocket, to drain them on shutdown. */
export interface Connection {
    /** Settles once the application has finished (or the server has stopped waiting for it). */
    readonly released: Promise<void>;
    /** Begins a graceful end: WebSockets get 1001, HTTP responses lose keep-alive. */
    shutdown(): void;
    /** Drops the connection now (shutdown ran out of time). */
    terminate(): void;
}
/** State shared by every connection of one server (or one `attach()`). */
export interface ServerContext {
    readonly app: Application;
    readonly options: ResolvedServerOptions;
    readonly logger: Logger;
    readonly accessLog: AccessLog;
    readonly connections: Set<Connection>;
}
/** A connection that its Release reports to. */
export interface ReleaseOwner {
    /** What the application is running for, in a log line: `WebSocket /path`. */
    releaseLabel(): string;
    /** Called once, when the connection is released (before `released` resolves). */
    onReleased(): void;
}
/**
 * Resolves `released` when the application settles, or `applicationCloseTimeoutMs` after its
 * disconnect if it is still running then (an application cannot be cancelled in JS, so the
 * server can only stop waiting for it, and says so). The promise is made only when someone asks
 * for it (shutdown does): an idle connection that nobody waits for holds none.
 */
export declare class Release {
    private readonly context;
    private readonly owner;
    private promise;
    private resolvePromise;
    private timer;
    private settled;
    private done;
    /** `owner` is the connection itself (no closures per connection) or, simpler, a label function. */
    constructor(context: ServerContext, owner: ReleaseOwner | (() => string));
    get released(): Promise<void>;
    /** The application has returned or thrown. */
    settle(): void;
    /** The application has been told the connection is gone; from now on it has a deadline. */
    startDeadline(): void;
    private static onDeadline;
    private get label();
    private release;
}
