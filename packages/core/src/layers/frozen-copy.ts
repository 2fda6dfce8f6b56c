import type { Message } from "../types";
import { isWellFormed, validateMessage } from "./validate-message";

/**
 * A deep copy of a validated message with every object and array frozen. The in-memory layer
 * makes one per send/groupSend call (never one per member): the sender may reuse or change its
 * object afterwards, and a member that tries to change what every member shares gets a TypeError
 * instead of silently editing the others' copy. Byte arrays are copied, not frozen (a typed array
 * with elements cannot be).
 */
export function frozenCopy(message: Message): Message {
  return copy(message) as Message;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return Object.freeze(out);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copy((value as Record<string, unknown>)[key]);
    // An own "__proto__" key (JSON.parse makes those) must stay data, not become the prototype.
    if (key === "__proto__") Object.defineProperty(out, key, { value: item, enumerable: true });
    else out[key] = item;
  }
  return Object.freeze(out);
}

const INVALID = Symbol("invalid");
// Deeper than this, the copy defers to validateMessage, which tells a cycle from a deep message.
const MAX_FAST_DEPTH = 32;

/**
 * `validateMessage` and `frozenCopy` in one walk, for the layer's hot path: a message is copied
 * as it is checked. Anything the walk does not accept outright (an invalid value, a cycle, a
 * deep message) goes to `validateMessage`, which throws the `TypeError` naming the bad key, or
 * accepts it, and then to `frozenCopy`, so both functions keep the one definition of valid.
 */
export function validatedFrozenCopy(message: unknown): Message {
  const copied =
    typeof message === "object" && message !== null && typeof (message as { type?: unknown }).type === "string"
      ? checkedCopy(message, 0)
      : INVALID;
  if (copied !== INVALID) return copied as Message;
  validateMessage(message);
  return frozenCopy(message);
}

function checkedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case "string":
      return isWellFormed.call(value) ? value : INVALID;
    case "number":
    case "boolean":
      return value;
    case "object": {
      if (value === null) return null;
      if (value instanceof Uint8Array) return new Uint8Array(value);
      if (depth >= MAX_FAST_DEPTH) return INVALID;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = checkedCopy(value[i], depth + 1);
          if (item === INVALID) return INVALID;
          out[i] = item;
        }
        return Object.freeze(out);
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return INVALID;
      const out: Record<string, unknown> = {};
      for (const key in value) {
        if (!Object.hasOwn(value, key) || !isWellFormed.call(key)) return INVALID;
        const item = checkedCopy((value as Record<string, unknown>)[key], depth + 1);
        if (item === INVALID) return INVALID;
        if (key === "__proto__") Object.defineProperty(out, key, { value: item, enumerable: true });
        else out[key] = item;
      }
      return Object.freeze(out);
    }
    case "undefined":
    case "bigint":
    case "function":
    case "symbol":
      return INVALID;
  }
}
