import type { Message } from "../types";

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
