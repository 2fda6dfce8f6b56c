/**
 * Every `code` the client's own errors carry. Codes are public API: only ever added, never renamed.
 * (A `ReplyError` carries the server's code instead, as the reply contract says.)
 */
export const ClientErrorCode = {
  INVALID_CLIENT_OPTION: "INVALID_CLIENT_OPTION",
  NO_WEBSOCKET: "NO_WEBSOCKET",
  REPLY_TIMEOUT: "REPLY_TIMEOUT",
  DISCONNECTED: "DISCONNECTED",
  STREAM_CLOSED: "STREAM_CLOSED",
  CLIENT_CLOSED: "CLIENT_CLOSED",
  QUEUE_FULL: "QUEUE_FULL",
  BAD_FRAME: "BAD_FRAME",
  SERVER_ERROR: "SERVER_ERROR",
  HANDLER_ERROR: "HANDLER_ERROR",
  SOCKET_ERROR: "SOCKET_ERROR",
} as const;

/** One of the codes in `ClientErrorCode`. */
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];
