import type { Message } from "../types";
/**
 * Throws a `TypeError` unless `message` is a plain object (prototype `Object.prototype` or
 * `null`) with a string `type` whose values are, recursively, strings, numbers, booleans,
 * `null`, `Uint8Array`s, arrays and plain objects. The error names the bad key path, e.g.
 * `message.payload.items[2]`.
 */
export declare function validateMessage(message: unknown): asserts message is Message;
export declare const isWellFormed: (this: string) => boolean;
