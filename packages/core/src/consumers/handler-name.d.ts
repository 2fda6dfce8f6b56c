/** `chat.message` -> `chat_message`, as the compiler sees it (for typed handler maps). */
export type HandlerName<T extends string> = T extends `${infer Head}.${infer Tail}` ? `${Head}_${HandlerName<Tail>}` : T;
/** Marks every method of a framework class as "not a handler", except its protocol `handlers`. */
export declare function reserveFrameworkNames(prototype: object, handlers?: readonly string[]): void;
/**
 * The method a message `type` reaches on `target`: Channels' rule (`.` becomes `_`), or, when the
 * class has no such method, its camelCase form (`chat.message` -> `chatMessage`). Throws
 * `HandlerNotFound` for a leading underscore, a missing handler, or an Object.prototype name.
 */
export declare function handlerNameFor(target: object, type: unknown): string;
