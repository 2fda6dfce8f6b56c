import type { AnyRequests, ReplyMessage, ReplyOf, RequestMap, RequestPayload } from "../consumers/request-reply";
import { ChannelsError, CommunicatorTimeout, ErrorCode } from "../errors";
import type { WebsocketCommunicator } from "./websocket-communicator";

export interface SendRequestOptions {
  /** How long to wait for the reply, in all (default 1000, as `receiveFrom`). */
  timeoutMs?: number;
  /** The id to send; by default 0, 1, 2, ... per communicator. */
  requestId?: number;
  /**
   * Frames that come before the reply are pushed here. Without it, such a frame fails the call,
   * so that a test never loses one without seeing it.
   */
  others?: unknown[];
}

const nextIds = new WeakMap<WebsocketCommunicator, number>();

/**
 * Sends a request (`{ ...payload, requestId, type }`) through `communicator` and resolves with the
 * reply frame whose `requestId` matches: `{ ok: true, payload }` or `{ ok: false, error }`, for a
 * test to assert on. Type it with the consumer's request map:
 * `await sendRequest<RoomRequests, "room.join">(communicator, "room.join", { room: "7" })`.
 */
export async function sendRequest<R extends RequestMap = AnyRequests, K extends keyof R & string = keyof R & string>(
  communicator: WebsocketCommunicator,
  type: K,
  payload: RequestPayload<R, K> = {} as RequestPayload<R, K>,
  options: SendRequestOptions = {},
): Promise<ReplyMessage<ReplyOf<R, K>>> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const requestId = options.requestId ?? nextIds.get(communicator) ?? 0;
  if (options.requestId === undefined) nextIds.set(communicator, requestId + 1);
  await communicator.sendJsonTo({ ...(payload as object), requestId, type });
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const left = Math.ceil(deadline - performance.now());
    if (left <= 0) throw new CommunicatorTimeout(`the reply to request ${requestId} (${type})`, timeoutMs);
    const frame = await communicator.receiveJsonFrom(left);
    if (isReplyTo(frame, requestId)) return frame as ReplyMessage<ReplyOf<R, K>>;
    if (options.others === undefined) {
      throw new ChannelsError(
        ErrorCode.UNEXPECTED_MESSAGE,
        `Expected the reply to request ${requestId} (${type}), got ${JSON.stringify(frame)}; ` +
          "pass options.others (an array) to collect the frames sent before a reply.",
      );
    }
    options.others.push(frame);
  }
}

function isReplyTo(frame: unknown, requestId: number): boolean {
  return (
    typeof frame === "object" &&
    frame !== null &&
    (frame as { type?: unknown }).type === "reply" &&
    (frame as { requestId?: unknown }).requestId === requestId
  );
}
