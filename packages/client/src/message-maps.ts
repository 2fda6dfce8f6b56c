/**
 * Messages by `type`: `{ "chat.message": { text: string } }`, the same shape the server's typed
 * consumers declare (`WebsocketConsumer<ChatMessages>` in @channels-ts/core), so one interface can
 * serve both ends. The wire form of an entry is `{ type: "chat.message", text: "..." }`.
 */
export type MessageMap = object;

/** What a client that declares nothing sends and receives: any `type`, any keys. */
export type AnyMessages = { [type: string]: { [key: string]: unknown } };

/** The union of full messages a map describes: `{ type: K } & M[K]` for each K. */
export type MessageOf<M extends MessageMap> = {
  [K in keyof M & string]: { type: K } & M[K];
}[keyof M & string];

/** Requests by `type`: what goes out (`payload`) and what the reply's `payload` is. */
export type RequestMap = object;

/** One request type: the message's keys besides `type`, and the reply payload. */
export interface RequestSpec {
  payload: object;
  reply: unknown;
}

/** What a client that declares no requests may ask: any `type`, any keys, an unknown reply. */
export type AnyRequests = { [type: string]: { payload: { [key: string]: unknown }; reply: unknown } };

/** The payload of request `K` in `R`. */
export type RequestPayload<R extends RequestMap, K extends keyof R> = R[K] extends { payload: infer P } ? P : never;

/** The reply of request `K` in `R`. */
export type RequestReply<R extends RequestMap, K extends keyof R> = R[K] extends { reply: infer T } ? T : never;

/** A payload argument that may be left out when it has no required keys. */
export type PayloadArgs<P, Rest extends unknown[] = []> =
  Record<never, never> extends P ? [payload?: P, ...Rest] : [payload: P, ...Rest];
