import { ChannelsError, ErrorCode } from "../errors";

/**
 * Thrown by a request handler to answer `ok: false` with this `replyCode` and message, as they are:
 * `throw new RequestFailed("room_full", "room 7 is full")`. Any other error is answered with a
 * generic message (it may hold what the client should not see) and logged by `onRequestError`.
 */
export class RequestFailed extends ChannelsError {
  /** The reply's `error.code`, for the client to branch on ("room_full", "not_found", ...). */
  readonly replyCode: string;

  constructor(replyCode: string, message: string, options: { cause?: unknown } = {}) {
    if (typeof replyCode !== "string" || replyCode === "") {
      throw new TypeError(`RequestFailed: replyCode must be a non-empty string, got ${JSON.stringify(replyCode)}.`);
    }
    super(ErrorCode.REQUEST_FAILED, message, options);
    this.replyCode = replyCode;
  }
}
