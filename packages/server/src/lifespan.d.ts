import type { Application } from "@channels-ts/core";
import type { Logger } from "./logger";
/**
 * The ASGI lifespan protocol: one long-lived `lifespan` scope that is told `lifespan.startup`
 * before the server listens and `lifespan.shutdown` after it has drained. An application that
 * ends (or throws) instead of answering the startup event does not support lifespan (e.g. a
 * ProtocolTypeRouter without a "lifespan" entry): the server then carries on, as Daphne and
 * uvicorn do, unless `lifespan: "on"` demands it.
 */
export declare class Lifespan {
    private readonly app;
    private readonly logger;
    private readonly mode;
    private readonly queue;
    private pending;
    private ended;
    private started;
    constructor(app: Application, logger: Logger, mode: "auto" | "on");
    /** Resolves once the application reports startup complete (or does not speak lifespan). */
    startup(): Promise<void>;
    /** Tells the application the server is stopping; gives up waiting after `timeoutMs`. */
    shutdown(timeoutMs: number): Promise<void>;
    private exchange;
    /** What the application is given as `send`: the answer to the pending startup or shutdown, nothing else. */
    private readonly send;
    private onEnd;
}
