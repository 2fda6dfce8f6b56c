import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
/**
 * The checks `ws` makes in `handleUpgrade`, made before the application runs, so a malformed
 * handshake is refused at once instead of after the application has accepted it.
 * Returns what is wrong, or undefined.
 */
export declare function handshakeProblem(req: IncomingMessage): {
    status: number;
    reason: string;
} | undefined;
/** Refuses an upgrade request with a plain HTTP response and closes the socket. */
export declare function refuseHandshake(socket: Duplex, status: number, body?: string): void;
/** Handshake response headers the server itself owns; an application may not set them on accept. */
export declare const RESERVED_ACCEPT_HEADERS: Set<string>;
