import type { IncomingMessage, ServerResponse } from "node:http";
import { type Connection, type ServerContext } from "./connection";
/**
 * One HTTP request served by the application. The request body is pulled from the socket only
 * as the application calls `receive()` (so a large upload is never held in memory), and each
 * `http.response.body` chunk is written as it comes, waiting for `drain` when the client is slow.
 */
export declare class HttpConnection implements Connection {
    private readonly context;
    private readonly req;
    private readonly res;
    private readonly scope;
    private readonly release;
    private state;
    private disconnected;
    private bodyDone;
    private status;
    private headers;
    private bytesSent;
    private waiters;
    constructor(context: ServerContext, req: IncomingMessage, res: ServerResponse, rootPath: string);
    readonly released: Promise<void>;
    start(): void;
    shutdown(): void;
    terminate(): void;
    private readonly receive;
    /** Next body chunk if one is buffered (or the body is known to be over), else undefined. */
    private readBody;
    private awaitBody;
    private deliver;
    private deliverDisconnect;
    /** What the application is given as `send`; checks at run time what the types cannot (a JS application). */
    private readonly send;
    private writeBody;
    private drained;
    private onGone;
    private onClose;
    private readonly onAppEnd;
    /** Ending the request failed: drop it rather than let the error take the process down. */
    private readonly onFault;
    private respondPlain;
}
