import type { HandlerName } from "./handler-name";

/**
 * A consumer's declared requests: request `type` -> what the client sends with it (`payload`, the
 * keys beside `type` and `requestId`) and what the reply carries (`reply`).
 *
 *     interface RoomRequests {
 *       "room.join": { payload: { room: string }; reply: { members: number } };
 *     }
 *     class Rooms extends ReplyingJsonWebsocketConsumer implements RequestHandlers<RoomRequests> { ... }
 */
export type RequestMap = object;

/** What a consumer that declares nothing answers: any type, any keys, any reply. */
export type AnyRequests = { [type: string]: { payload: { [key: string]: unknown }; reply: unknown } };

/** What the client sends with request `K`, beside `type` and `requestId`. */
export type RequestPayload<R extends RequestMap, K extends keyof R & string> = R[K] extends { payload: infer P }
  ? P
  : object;

/** The request as its handler gets it: `{ type, requestId, ...payload }`, as the client sent it. */
export type RequestOf<R extends RequestMap, K extends keyof R & string> = {
  type: K;
  requestId: number;
} & RequestPayload<R, K>;

/** What the handler of request `K` returns (the reply's `payload`). */
export type ReplyOf<R extends RequestMap, K extends keyof R & string> = R[K] extends { reply: infer T } ? T : unknown;

/**
 * One request handler per declared type, named `request_` plus Channels' rule (`room.join` ->
 * `request_room_join`); dispatch also finds the camelCase form (`requestRoomJoin`). Each returns
 * the reply payload (or a promise of it), or throws to answer `ok: false`.
 */
export type RequestHandlers<R extends RequestMap> = {
  [K in keyof R & string as `request_${HandlerName<K>}`]: (
    request: RequestOf<R, K>,
  ) => ReplyOf<R, K> | Promise<ReplyOf<R, K>>;
};

/** The `error` of an `ok: false` reply. */
export interface ReplyErrorBody {
  code: string;
  message: string;
}

/** The server's answer to a request (the wire frame, both ways of it). */
export type ReplyMessage<T = unknown> =
  | { type: "reply"; requestId: number; ok: true; payload: T }
  | { type: "reply"; requestId: number; ok: false; error: ReplyErrorBody };

/** The `error.code`s the framework itself replies with; a handler's own come from `RequestFailed`. */
export const ReplyErrorCode = {
  /** No handler for the request's type. */
  UNKNOWN_REQUEST: "unknown_request",
  /** The handler threw something other than `RequestFailed` (and without a string `code`). */
  HANDLER_ERROR: "handler_error",
  /** The frame has a `requestId` but is not a request: a bad id, or no string `type`. */
  BAD_REQUEST: "bad_request",
} as const;

/** True for a request id as the contract has it: a non-negative safe integer. */
export function isRequestId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
