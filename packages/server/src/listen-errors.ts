import { ChannelsError, ErrorCode } from "@channels-ts/core";

/** `host:port` for messages, with IPv6 addresses bracketed. */
function where(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Errors from `listen()`, reduced to what a user acts on: no Node-internal stack (it only points into node:net). */
export abstract class ListenError extends ChannelsError {
  readonly host: string;
  readonly port: number;
  constructor(code: ErrorCode, message: string, host: string, port: number) {
    super(code, message);
    this.host = host;
    this.port = port;
    this.stack = `${this.name}: ${message}`;
  }
}

/** Another process already listens on the port `serve()` was asked for. */
export class PortInUse extends ListenError {
  constructor(host: string, port: number) {
    super(
      ErrorCode.PORT_IN_USE,
      `Port ${port} on ${host} is already in use: stop the other process or pick another port (--port / PORT=...).`,
      host,
      port,
    );
  }
}

/** `serve()` could not listen for another reason: no permission for the port, an address not on this machine, ... */
export class ListenFailed extends ListenError {
  /** Node's error code, e.g. "EACCES", "EADDRNOTAVAIL", "ENOTFOUND". */
  readonly reason: string;
  constructor(host: string, port: number, reason: string, message: string) {
    super(ErrorCode.LISTEN_FAILED, message, host, port);
    this.reason = reason;
  }
}

const HINTS: Record<string, (host: string, port: number) => string> = {
  EACCES: (host, port) =>
    `Cannot listen on ${where(host, port)}: permission denied (ports below 1024 need privileges); ` +
    "pick a port from 1024 up (--port / PORT=...) and put a proxy in front for port 80/443.",
  EADDRNOTAVAIL: (host, port) =>
    `Cannot listen on ${where(host, port)}: ${host} is not an address of this machine; ` +
    "use 127.0.0.1, 0.0.0.0 (all interfaces) or one of its own addresses (--host / HOST=...).",
  ENOTFOUND: (host, port) =>
    `Cannot listen on ${where(host, port)}: host name ${JSON.stringify(host)} does not resolve; ` +
    "check the spelling or give an IP address (--host / HOST=...).",
  EAI_AGAIN: (host, port) =>
    `Cannot listen on ${where(host, port)}: host name ${JSON.stringify(host)} could not be resolved (DNS lookup failed); ` +
    "give an IP address (--host / HOST=...).",
};

/** Turns the `error` a node:http server emits on `listen()` into one of the errors above; unknown errors pass through. */
export function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "EADDRINUSE") return new PortInUse(host, port);
  const hint = typeof code === "string" ? HINTS[code] : undefined;
  return hint === undefined ? err : new ListenFailed(host, port, code as string, hint(host, port));
}
