import { ChannelsError, ErrorCode } from "@channels-ts/core";

/**
 * A layer operation gave up on a Redis host that stayed unreachable for `operationTimeoutMs`.
 * Until the host is back, further operations that need it fail at once with this error rather
 * than queueing behind a connection that may never return.
 */
export class RedisHostUnavailable extends ChannelsError {
  readonly host: string;
  constructor(host: string, timeoutMs: number, cause?: Error) {
    super(
      ErrorCode.REDIS_HOST_UNAVAILABLE,
      `Redis host ${host} has been unreachable for ${timeoutMs} ms${cause ? ` (${cause.message})` : ""}; ` +
        "start it or fix the layer's hosts option, or raise operationTimeoutMs to wait longer.",
      { closeCode: 1011, ...(cause ? { cause } : {}) },
    );
    this.host = host;
  }
}
