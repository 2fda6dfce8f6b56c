import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { RawData } from "ws";
import { type Connection, type ReleaseOwner, type ServerContext } from "./connection";
import type { DeadlineMember, DeadlineQueue } from "./deadline-queue";
import type { Heartbeat, HeartbeatMember } from "./heartbeat";
import { type FlowControl } from "./message-queue";
import type { FrameCache } from "./shared-frame";
import { type AcceptDetails, type ChannelsWebSocketServer, type ServedSocketEvents } from "./websocket-server";
export interface WebsocketContext extends ServerContext {
    readonly wss: ChannelsWebSocketServer;
    readonly handshakes: WeakMap<IncomingMessage, AcceptDetails>;
    readonly heartbeat: Heartbeat;
    /** Frames a text or binary message once for every socket it goes to in this turn of the loop. */
    readonly frames: FrameCache;
    /** Every handshake's `acceptTimeoutMs`, on one timer. */
    readonly acceptDeadlines: DeadlineQueue;
}
/**
 * One WebSocket served by the application: the handshake waits for `websocket.accept` (or is
 * refused on `websocket.close`), frames become `websocket.receive` events, and the end of the
 * connection, whoever causes it, becomes exactly one `websocket.disconnect`.
 */
export declare class WebsocketConnection implements Connection, HeartbeatMember, FlowControl, ReleaseOwner, DeadlineMember, ServedSocketEvents {
    private readonly context;
    private readonly socket;
    private readonly scope;
    private readonly release;
    private readonly queue;
    private state;
    private ws;
    /** Ticket of the accept deadline in `context.acceptDeadlines`; -1 once accepted or ended. */
    private acceptDeadline;
    private disconnected;
    /** Close code the server sent for a limit or protocol error; reported if the peer never answers. */
    private serverCloseCode;
    private pingSentAt;
    private lastPingAt;
    /** Only until `websocket.accept`: a live connection keeps neither the upgrade request nor its bytes. */
    private handshake;
    constructor(context: WebsocketContext, req: IncomingMessage, socket: Duplex, head: Buffer, rootPath: string);
    get released(): Promise<void>;
    /** ReleaseOwner */
    releaseLabel(): string;
    onReleased(): void;
    /** `ip:port` of the client, for log lines (made when one is written, not kept). */
    private get client();
    /** The path as it may appear in a log line (the decoded path can hold control characters). */
    private get logPath();
    /** FlowControl for the inbound queue: stop and restart reading the socket. */
    pause(): void;
    resume(): void;
    start(): void;
    private appEnded;
    private static onHandshakeSocketGone;
    private static onHandshakeSocketEnd;
    private static onHandshakeData;
    /** The socket closed or failed before `ws` took it over. */
    private socketGone;
    private earlyData;
    shutdown(): void;
    terminate(): void;
    heartbeat(now: number): void;
    /**
     * What the application is given as `send`; checks at run time what the types cannot (a JavaScript
     * application). Not `async`: a frame costs no promise of its own (`SENT` is shared), and a
     * mistake still reaches the application as a rejection.
     */
    private readonly send;
    private handleSend;
    private sendFrame;
    private accept;
    private onOpen;
    /** ServedSocketEvents: a frame from the peer. */
    onMessage(data: RawData, isBinary: boolean): void;
    onPong(): void;
    onError(err: Error): void;
    onClose(code: number, reason: Buffer): void;
    /** Delivers the one `websocket.disconnect` of this connection. */
    private disconnect;
    private closeWithEvent;
    private closeWith;
    /** Refuses the handshake with an HTTP status (403 for a close before accept, as Daphne). */
    private refuse;
    /** DeadlineMember: `acceptTimeoutMs` has passed since the handshake began. */
    deadlinePassed(): void;
    private clearAcceptTimer;
    private onAppEnd;
    /** Ending the connection failed: drop it rather than let the error take the process down. */
    private onFault;
}
