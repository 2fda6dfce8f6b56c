"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccessLog = void 0;
exports.formatLogDate = formatLogDate;
exports.formatAccessLine = formatAccessLine;
const log_text_1 = require("./log-text");
const scope_1 = require("./scope");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function pad(n) {
    return n < 10 ? `0${n}` : String(n);
}
/** Daphne's (NCSA-like) timestamp: `25/Nov/2026:20:00:00`, local time. */
function formatLogDate(date) {
    return (`${pad(date.getDate())}/${MONTHS[date.getMonth()]}/${date.getFullYear()}:` +
        `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`);
}
/**
 * One access-log line as Daphne writes it:
 * `127.0.0.1:53422 - - [25/Nov/2026:20:00:00] "GET /path" 200 1234`.
 * `client` and `request` come from the network (a percent-decoded path can hold a newline),
 * so control characters, quotes and backslashes in them are written as `\xNN`: one request
 * is always exactly one line, and its quoted field cannot be ended early.
 */
function formatAccessLine(client, request, status, size, date = new Date()) {
    return `${(0, log_text_1.escapeLogText)(client)} - - [${formatLogDate(date)}] "${(0, log_text_1.escapeLogText)(request)}" ${status ?? "-"} ${size ?? "-"}`;
}
class AccessLog {
    logger;
    /** `undefined`: the access log is off, and no line is even formatted (a date and two escapes per event). */
    constructor(logger) {
        this.logger = logger;
    }
    http(client, method, path, status, size) {
        if (this.logger === undefined)
            return;
        const request = `${method} ${path}`;
        this.logger.info({ access: { client, request, status, size } }, formatAccessLine(client, request, status, size));
    }
    /** `scope.client` is turned into text only when a line is written. */
    websocket(client, action, path) {
        if (this.logger === undefined)
            return;
        const label = (0, scope_1.clientLabel)(client);
        const request = `${action} ${path}`;
        this.logger.info({ access: { client: label, request } }, formatAccessLine(label, request));
    }
}
exports.AccessLog = AccessLog;
//# sourceMappingURL=access-log.js.map