import type { HostPort } from "@channels-ts/core";
import type { Logger } from "./logger";
/** Daphne's (NCSA-like) timestamp: `25/Nov/2026:20:00:00`, local time. */
export declare function formatLogDate(date: Date): string;
/**
 * One access-log line as Daphne writes it:
 * `127.0.0.1:53422 - - [25/Nov/2026:20:00:00] "GET /path" 200 1234`.
 * `client` and `request` come from the network (a percent-decoded path can hold a newline),
 * so control characters, quotes and backslashes in them are written as `\xNN`: one request
 * is always exactly one line, and its quoted field cannot be ended early.
 */
export declare function formatAccessLine(client: string, request: string, status?: number, size?: number, date?: Date): string;
/** WebSocket lifecycle actions, logged as `"WSCONNECTING /path"` and so on. */
export type WebsocketAction = "WSCONNECTING" | "WSCONNECT" | "WSREJECT" | "WSDISCONNECT";
export declare class AccessLog {
    private readonly logger;
    /** `undefined`: the access log is off, and no line is even formatted (a date and two escapes per event). */
    constructor(logger: Logger | undefined);
    http(client: string, method: string, path: string, status: number | undefined, size: number): void;
    /** `scope.client` is turned into text only when a line is written. */
    websocket(client: HostPort | null | undefined, action: WebsocketAction, path: string): void;
}
