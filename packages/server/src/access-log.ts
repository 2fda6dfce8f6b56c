import { escapeLogText } from "./log-text";
import type { HostPort } from "@channels-ts/core";
import type { Logger } from "./logger";
import { clientLabel } from "./scope";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Daphne's (NCSA-like) timestamp: `25/Nov/2026:20:00:00`, local time. */
export function formatLogDate(date: Date): string {
  return (
    `${pad(date.getDate())}/${MONTHS[date.getMonth()]}/${date.getFullYear()}:` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/**
 * One access-log line as Daphne writes it:
 * `127.0.0.1:53422 - - [25/Nov/2026:20:00:00] "GET /path" 200 1234`.
 * `client` and `request` come from the network (a percent-decoded path can hold a newline),
 * so control characters, quotes and backslashes in them are written as `\xNN`: one request
 * is always exactly one line, and its quoted field cannot be ended early.
 */
export function formatAccessLine(
  client: string,
  request: string,
  status?: number,
  size?: number,
  date = new Date(),
): string {
  return `${escapeLogText(client)} - - [${formatLogDate(date)}] "${escapeLogText(request)}" ${status ?? "-"} ${size ?? "-"}`;
}

/** WebSocket lifecycle actions, logged as `"WSCONNECTING /path"` and so on. */
export type WebsocketAction = "WSCONNECTING" | "WSCONNECT" | "WSREJECT" | "WSDISCONNECT";

export class AccessLog {
  /** `undefined`: the access log is off, and no line is even formatted (a date and two escapes per event). */
  constructor(private readonly logger: Logger | undefined) {}

  http(client: string, method: string, path: string, status: number | undefined, size: number): void {
    if (this.logger === undefined) return;
    const request = `${method} ${path}`;
    this.logger.info({ access: { client, request, status, size } }, formatAccessLine(client, request, status, size));
  }

  /**
   * `scope.client` is turned into text only when a line is written. `status`: the HTTP status of
   * a handshake the server refused before the application ran (403 Origin, 503 limits), as in
   * `"WSREJECT /path" 503 -`.
   */
  websocket(client: HostPort | null | undefined, action: WebsocketAction, path: string, status?: number): void {
    if (this.logger === undefined) return;
    const label = clientLabel(client);
    const request = `${action} ${path}`;
    this.logger.info({ access: { client: label, request, status } }, formatAccessLine(label, request, status));
  }

  /**
   * A request node:http could not read (head too big: 431, too slow: 408, malformed: 400):
   * `request` is `WSREJECT /path` for an upgrade, `GET /path`, or `-` when not even its first
   * line arrived.
   */
  rejected(client: string, request: string, status: number): void {
    if (this.logger === undefined) return;
    this.logger.info({ access: { client, request, status } }, formatAccessLine(client, request, status));
  }
}
