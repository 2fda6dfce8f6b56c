import { ErrorCode } from "./error-codes";

export { ErrorCode } from "./error-codes";

/**
 * Every error channels-ts throws on purpose is a `ChannelsError`: a stable `code` to branch on,
 * a message that names the offending value and the fix, and, where a WebSocket is involved,
 * the close code the server uses for it.
 */
export class ChannelsError extends Error {
  /** Stable identifier from `ErrorCode`, e.g. "ROUTE_NOT_FOUND"; safe to compare against. */
  readonly code: ErrorCode;
  /** WebSocket close code a server uses when this error ends a connection. */
  readonly closeCode: number;

  constructor(code: ErrorCode, message: string, options: { closeCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.closeCode = options.closeCode ?? 1011;
  }
}

/**
 * Thrown (by a consumer or the framework) to end a consumer cleanly: not an error to log. Made
 * without a stack trace: every WebSocket that closes throws one, and nobody reads its trace.
 */
export class StopConsumer extends ChannelsError {
  constructor(message = "consumer stopped") {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(ErrorCode.STOP_CONSUMER, message, { closeCode: 1000 });
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** Thrown from `connect()` to accept the WebSocket handshake. */
export class AcceptConnection extends ChannelsError {
  constructor(message = "connection accepted") {
    super(ErrorCode.ACCEPT_CONNECTION, message, { closeCode: 1000 });
  }
}

/** Thrown from `connect()` to deny the WebSocket handshake (HTTP 403). */
export class DenyConnection extends ChannelsError {
  constructor(message = "connection denied") {
    super(ErrorCode.DENY_CONNECTION, message, { closeCode: 1008 });
  }
}

/** No route matched the path; the server answers HTTP 404 or refuses the handshake. */
export class RouteNotFound extends ChannelsError {
  readonly path: string;
  constructor(path: string, message = `No route found for path ${JSON.stringify(path)}.`) {
    super(ErrorCode.ROUTE_NOT_FOUND, message, { closeCode: 1008 });
    this.path = path;
  }
}

/** `send()` to a channel that already holds `capacity` messages. */
export class ChannelFull extends ChannelsError {
  readonly channel: string;
  constructor(channel: string, capacity: number) {
    super(
      ErrorCode.CHANNEL_FULL,
      `Channel ${JSON.stringify(channel)} is full (capacity ${capacity}); ` +
        "its receiver is not keeping up: raise capacity/channelCapacity or send less.",
    );
    this.channel = channel;
  }
}

/** A message whose `type` has no handler, or names a handler that must not be called. */
export class HandlerNotFound extends ChannelsError {
  readonly messageType: string;
  constructor(messageType: string, message: string) {
    super(ErrorCode.HANDLER_NOT_FOUND, message);
    this.messageType = messageType;
  }
}

/**
 * `groupAdd` for a consumer already in `maxGroups` groups: a client that can name groups (a room
 * per message) must not grow the layer's membership tables without bound.
 */
export class TooManyGroups extends ChannelsError {
  readonly group: string;
  readonly maxGroups: number;
  constructor(group: string, maxGroups: number) {
    super(
      ErrorCode.TOO_MANY_GROUPS,
      `Cannot add this consumer to group ${JSON.stringify(group)}: it is already in maxGroups (${maxGroups}) groups; ` +
        "groupDiscard one first, or raise maxGroups on the consumer class.",
      { closeCode: 1008 },
    );
    this.group = group;
    this.maxGroups = maxGroups;
  }
}

/** A layer operation was asked of a consumer or process that has no channel layer configured. */
export class ChannelLayerMissing extends ChannelsError {
  constructor(alias: string) {
    super(
      ErrorCode.CHANNEL_LAYER_MISSING,
      `No channel layer is configured for alias ${JSON.stringify(alias)}; ` +
        `call channelLayers.configure({ ${JSON.stringify(alias)}: new InMemoryChannelLayer() }) at startup.`,
    );
  }
}

/** A consumer received something out of protocol order (e.g. send before accept). */
export class ProtocolError extends ChannelsError {
  constructor(message: string, closeCode = 1011) {
    super(ErrorCode.PROTOCOL_ERROR, message, { closeCode });
  }
}

/** A wait in the test kit ran out: names what was awaited and how long. */
export class CommunicatorTimeout extends ChannelsError {
  constructor(what: string, ms: number) {
    super(ErrorCode.COMMUNICATOR_TIMEOUT, `Timed out after ${ms} ms waiting for ${what}.`);
  }
}
