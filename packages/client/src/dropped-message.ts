/**
 * Why a message was not sent:
 * - `queue_full`: offline, and the queue already held `maxQueued` messages;
 * - `closed`: the client was closed (`close()`, or the server closed it and it does not reconnect);
 * - `gave_up`: still queued when the client gave up after `maxAttempts` reconnects;
 * - `stream_closed`: the server closed that stream on this connection.
 */
export type DropReason = "queue_full" | "closed" | "gave_up" | "stream_closed";

/** The `dropped` event: the message as `send` built it (`{ type, ...payload }`), so a page can mark it. */
export interface DroppedMessage {
  message: unknown;
  reason: DropReason;
  /** The stream it was for, or undefined for the socket itself. */
  stream: string | undefined;
}
