import type { Message } from "../types";
/**
 * A deep copy of a validated message with every object and array frozen. The in-memory layer
 * makes one per send/groupSend call (never one per member): the sender may reuse or change its
 * object afterwards, and a member that tries to change what every member shares gets a TypeError
 * instead of silently editing the others' copy. Byte arrays are copied, not frozen (a typed array
 * with elements cannot be).
 */
export declare function frozenCopy(message: Message): Message;
/**
 * `validateMessage` and `frozenCopy` in one walk, for the layer's hot path: a message is copied
 * as it is checked. Anything the walk does not accept outright (an invalid value, a cycle, a
 * deep message) goes to `validateMessage`, which throws the `TypeError` naming the bad key, or
 * accepts it, and then to `frozenCopy`, so both functions keep the one definition of valid.
 */
export declare function validatedFrozenCopy(message: unknown): Message;
