import { ChannelsError, ErrorCode } from "../errors";

/**
 * A pending `receive()` that the layer itself ended: its channel was discarded or the layer
 * closed. Named "AbortError", like the rejection of an aborted signal, so a receive loop can
 * treat every cancellation the same way; `code` says which it was. Made without a stack trace:
 * every consumer that ends cancels its wait with one, and a cancellation's trace tells nothing.
 */
export class ChannelReceiveAborted extends ChannelsError {
  readonly channel: string;
  constructor(channel: string, cause: "discarded" | "closed") {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(
        cause === "discarded" ? ErrorCode.CHANNEL_DISCARDED : ErrorCode.CHANNEL_LAYER_CLOSED,
        cause === "discarded"
          ? `receive() on channel ${JSON.stringify(channel)} was cancelled because discardChannel() removed the channel.`
          : `receive() on channel ${JSON.stringify(channel)} was cancelled because the channel layer was closed.`,
        { closeCode: 1001 },
      );
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.name = "AbortError";
    this.channel = channel;
  }
}

/** A layer operation after `close()`. */
export class ChannelLayerClosed extends ChannelsError {
  constructor(operation: string) {
    super(
      ErrorCode.CHANNEL_LAYER_CLOSED,
      `Cannot ${operation}() on a closed channel layer; create a new layer (or configure channelLayers again) after close().`,
      { closeCode: 1001 },
    );
  }
}

/** A channel layer option with a value the layer cannot use. */
export class InvalidLayerOption extends ChannelsError {
  readonly option: string;
  constructor(option: string, value: unknown, expected: string) {
    super(
      ErrorCode.INVALID_LAYER_OPTION,
      `Invalid channel layer option ${option}: ${describeOption(value)}; expected ${expected}.`,
    );
    this.option = option;
  }
}

function describeOption(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
