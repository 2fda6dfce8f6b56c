"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ListenFailed = exports.PortInUse = exports.ListenError = void 0;
exports.listenError = listenError;
const core_1 = require("@channels-ts/core");
/** `host:port` for messages, with IPv6 addresses bracketed. */
function where(host, port) {
    return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}
/** Errors from `listen()`, reduced to what a user acts on: no Node-internal stack (it only points into node:net). */
class ListenError extends core_1.ChannelsError {
    host;
    port;
    constructor(code, message, host, port) {
        super(code, message);
        this.host = host;
        this.port = port;
        this.stack = `${this.name}: ${message}`;
    }
}
exports.ListenError = ListenError;
/** Another process already listens on the port `serve()` was asked for. */
class PortInUse extends ListenError {
    constructor(host, port) {
        super(core_1.ErrorCode.PORT_IN_USE, `Port ${port} on ${host} is already in use: stop the other process or pick another port (--port / PORT=...).`, host, port);
    }
}
exports.PortInUse = PortInUse;
/** `serve()` could not listen for another reason: no permission for the port, an address not on this machine, ... */
class ListenFailed extends ListenError {
    /** Node's error code, e.g. "EACCES", "EADDRNOTAVAIL", "ENOTFOUND". */
    reason;
    constructor(host, port, reason, message) {
        super(core_1.ErrorCode.LISTEN_FAILED, message, host, port);
        this.reason = reason;
    }
}
exports.ListenFailed = ListenFailed;
const HINTS = {
    EACCES: (host, port) => `Cannot listen on ${where(host, port)}: permission denied (ports below 1024 need privileges); ` +
        "pick a port from 1024 up (--port / PORT=...) and put a proxy in front for port 80/443.",
    EADDRNOTAVAIL: (host, port) => `Cannot listen on ${where(host, port)}: ${host} is not an address of this machine; ` +
        "use 127.0.0.1, 0.0.0.0 (all interfaces) or one of its own addresses (--host / HOST=...).",
    ENOTFOUND: (host, port) => `Cannot listen on ${where(host, port)}: host name ${JSON.stringify(host)} does not resolve; ` +
        "check the spelling or give an IP address (--host / HOST=...).",
    EAI_AGAIN: (host, port) => `Cannot listen on ${where(host, port)}: host name ${JSON.stringify(host)} could not be resolved (DNS lookup failed); ` +
        "give an IP address (--host / HOST=...).",
};
/** Turns the `error` a node:http server emits on `listen()` into one of the errors above; unknown errors pass through. */
function listenError(err, host, port) {
    const code = err?.code;
    if (code === "EADDRINUSE")
        return new PortInUse(host, port);
    const hint = typeof code === "string" ? HINTS[code] : undefined;
    return hint === undefined ? err : new ListenFailed(host, port, code, hint(host, port));
}
//# sourceMappingURL=listen-errors.js.map