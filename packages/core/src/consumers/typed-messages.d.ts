import type { HandlerName } from "./handler-name";
/**
 * A consumer's declared messages: message `type` -> the rest of the message.
 *
 *     interface ChatMessages { "chat.message": { text: string } }
 *     class Chat extends WebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> { ... }
 *
 * With it, `groupSend` rejects an unknown `type` or a wrong payload at compile time, and
 * `implements Handlers<M>` makes a missing handler a compile error too.
 */
export type MessageMap = object;
/** What a consumer that declares nothing accepts: any `type`, any keys. */
export type AnyMessages = {
    [type: string]: {
        [key: string]: unknown;
    };
};
/** The union of full messages a map describes: `{ type: K } & M[K]` for each K. */
export type MessageOf<M extends MessageMap> = {
    [K in keyof M & string]: {
        type: K;
    } & M[K];
}[keyof M & string];
/**
 * One handler method per declared type, named by Channels' rule (`chat.message` -> `chat_message`).
 * Dispatch also finds a camelCase handler (`chatMessage`) at run time, but this check asks for the
 * snake_case name, the one every Channels peer uses.
 */
export type Handlers<M extends MessageMap> = {
    [K in keyof M & string as HandlerName<K>]: (message: {
        type: K;
    } & M[K]) => unknown;
};
