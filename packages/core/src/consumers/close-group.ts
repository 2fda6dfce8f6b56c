import type { ChannelLayer } from "../layers/channel-layer";

/** The layer message `closeGroup` sends; every `WebsocketConsumer` handles it (`group_close`). */
export type GroupCloseMessage = {
  type: "group.close";
  /** 1000, or an application code 3000-4999. */
  code: number;
  /** At most 123 bytes of UTF-8 (what fits in a close frame). */
  reason: string;
};

export interface CloseGroupOptions {
  /**
   * The close code every member's socket gets: 1000 (the default) or 3000-4999. 1000 is "normal
   * closure", which reconnecting clients take as "do not come back", the usual intent of a logout.
   */
  code?: number;
  /** The close reason; "" by default, at most 123 bytes of UTF-8. */
  reason?: string;
}

/** The code `closeGroup` and the `group_close` handler use when none (or no valid one) is given. */
export const DEFAULT_GROUP_CLOSE_CODE = 1000;
/** The most bytes of UTF-8 a close reason can have (a control frame's 125 bytes, less the code). */
export const MAX_CLOSE_REASON_BYTES = 123;

/** True for the close codes a group may be closed with: 1000, or 3000-4999 (registered and private). */
export function isGroupCloseCode(code: unknown): code is number {
  return code === 1000 || (Number.isInteger(code) && (code as number) >= 3000 && (code as number) <= 4999);
}

/** True for a string that fits a close frame's reason. */
export function isCloseReason(reason: unknown): reason is string {
  // Bytes are counted only when the length could exceed the bound (a UTF-16 unit is 1-3 bytes).
  return (
    typeof reason === "string" &&
    (reason.length * 3 <= MAX_CLOSE_REASON_BYTES || Buffer.byteLength(reason, "utf8") <= MAX_CLOSE_REASON_BYTES)
  );
}

/**
 * Closes every socket in `group`, in every process that shares `layer`: each member's consumer
 * closes with `code` and `reason`, and its `disconnect` runs as for any close. It is one
 * `groupSend`, so it works from anywhere the layer is (an HTTP view, a worker, a script).
 *
 * Like any `groupSend`, it skips a member whose channel is full (a busy socket): that socket stays
 * open, and the skip is only counted, as a `channel full` drop (the `drops` hook, the layer's log
 * line, the server's metrics). So it is not a security guarantee: a logout must also end the
 * session or revoke the token, so that a socket that was missed, or reconnects, is refused.
 * Rejects with a TypeError naming a bad code or reason before anything is sent.
 */
export async function closeGroup(layer: ChannelLayer, group: string, options: CloseGroupOptions = {}): Promise<void> {
  const code = options.code ?? DEFAULT_GROUP_CLOSE_CODE;
  const reason = options.reason ?? "";
  if (!isGroupCloseCode(code)) {
    throw new TypeError(
      `closeGroup: options.code must be 1000 or an integer from 3000 to 4999 (application codes), got ${String(code)}.`,
    );
  }
  if (!isCloseReason(reason)) {
    const what = typeof reason === "string" ? `${Buffer.byteLength(reason, "utf8")} bytes` : typeof reason;
    throw new TypeError(
      `closeGroup: options.reason must be a string of at most ${MAX_CLOSE_REASON_BYTES} bytes of UTF-8, got ${what}; shorten it.`,
    );
  }
  const message: GroupCloseMessage = { type: "group.close", code, reason };
  await layer.groupSend(group, message);
}
