"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.chatLogger = void 0;
function line(objOrMsg, msg) {
    if (typeof objOrMsg === "string")
        return `chat: ${objOrMsg}`;
    const err = objOrMsg.err;
    return `chat: ${msg ?? ""}${err instanceof Error ? `: ${err.message}` : ""}`;
}
/** The chat's own lines, each starting with `chat: `: info on stdout, the rest on stderr. */
exports.chatLogger = {
    info: (objOrMsg, msg) => console.log(line(objOrMsg, msg)),
    warn: (objOrMsg, msg) => console.error(line(objOrMsg, msg)),
    error: (objOrMsg, msg) => console.error(line(objOrMsg, msg)),
    debug: () => undefined,
};
//# sourceMappingURL=chat-logger.js.map