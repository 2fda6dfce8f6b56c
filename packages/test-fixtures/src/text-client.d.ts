import WebSocket from "ws";
export interface TextClientOptions {
    /** Shown in errors, so a failing test says which client missed what; the URL by default. */
    label?: string;
    protocols?: string[];
    /** Handshake headers and the like, as `ws` takes them. */
    socket?: WebSocket.ClientOptions;
    /** How long the handshake may take. */
    timeoutMs?: number;
}
/**
 * A WebSocket client that records every frame it receives (text as it is, binary as `<N bytes>`),
 * for tests that wait on messages, never on time. `await using client = await TextClient.open(url)`
 * closes it when the block ends; `WsClients.text()` terminates it with a test's other clients.
 */
export declare class TextClient implements AsyncDisposable {
    readonly label: string;
    readonly socket: WebSocket;
    readonly received: string[];
    /** The code the socket closed with, once it has. */
    closeCode: number | undefined;
    /** Resolves with the close code once the socket closes. */
    readonly closed: Promise<number>;
    private readonly listeners;
    private constructor();
    /** Opens `url`; rejects with `Refused` (the HTTP status) or an Error naming the label and why. */
    static open(url: string, options?: TextClientOptions): Promise<TextClient>;
    get isOpen(): boolean;
    send(text: string): void;
    /** Resolves true once `predicate` holds on what was received, false after `timeoutMs` or on close. */
    within(predicate: (received: readonly string[]) => boolean, timeoutMs: number): Promise<boolean>;
    /** Like `within`, but a timeout or a close is an error naming what was awaited and what came. */
    until(what: string, predicate: (received: readonly string[]) => boolean, timeoutMs?: number): Promise<void>;
    /** The first message received (already or to come) that equals or matches `expected`. */
    next(expected: string | RegExp, timeoutMs?: number): Promise<string>;
    /** Resolves with the close code once the server closes this socket, or undefined after `timeoutMs`. */
    closedBy(timeoutMs: number): Promise<number | undefined>;
    /** Closes the socket (1000) and resolves with the close code; a peer that does not answer within `graceMs` is cut off. */
    close(graceMs?: number): Promise<number>;
    [Symbol.asyncDispose](): Promise<void>;
    private notify;
}
