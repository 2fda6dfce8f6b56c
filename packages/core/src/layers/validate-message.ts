import type { Message } from "../types";

/**
 * Message validation: a layer message must be something msgpack (and Python's channels_redis)
 * can carry, so that a message that works on the in-memory layer also works on Redis.
 * Layers call this once per `send` / `groupSend`, never once per member. The walk allocates
 * nothing on success; the key path is assembled only when a value is rejected.
 */

const ALLOWED_VALUES =
  "layer messages may hold only strings, numbers, booleans, null, Uint8Array (Buffer), " +
  "and arrays and plain objects of these";

/** A rejected value: the path from it up to the message (innermost first) and why. */
interface Rejection {
  readonly reversedPath: Array<string | number>;
  readonly problem: string;
}

// Containers being walked, for cycle detection; shared across calls but restored on return,
// so a walk costs no allocation.
const ancestors: object[] = [];

/**
 * Arrays and objects may nest this deep, the message itself included: msgpack's encoder (so both
 * Redis layers) refuses more, and a deeper walk would overflow the stack instead of naming the key.
 */
export const MAX_MESSAGE_DEPTH = 100;

/**
 * Throws a `TypeError` unless `message` is a plain object (prototype `Object.prototype` or
 * `null`) with a string `type` whose values are, recursively, strings, numbers, booleans,
 * `null`, `Uint8Array`s, arrays and plain objects. The error names the bad key path, e.g.
 * `message.payload.items[2]`.
 */
export function validateMessage(message: unknown): asserts message is Message {
  if (!isPlainObject(message)) {
    throw new TypeError(
      `Invalid channel layer message: expected a plain object with a string "type", got ${describeValue(message)}.`,
    );
  }
  if (typeof message.type !== "string") {
    throw new TypeError(
      `Invalid channel layer message: message.type must be a string naming the handler (e.g. "chat.message"), ` +
        `got ${describeValue(message.type)}.`,
    );
  }
  const depth = ancestors.length;
  let rejection: Rejection | undefined;
  try {
    rejection = checkObject(message);
  } finally {
    ancestors.length = depth;
  }
  if (rejection !== undefined) {
    throw new TypeError(
      `Invalid channel layer message: ${formatPath(rejection.reversedPath)} ${rejection.problem}; ${ALLOWED_VALUES}.`,
    );
  }
}

// String.prototype.isWellFormed (Node 20) is not in the ES2022 lib typings.
export const isWellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed;

function checkValue(value: unknown): Rejection | undefined {
  switch (typeof value) {
    case "string":
      // A lone surrogate (JSON.parse('"\ud800"') makes one) has no UTF-8 form: msgpack would
      // write invalid bytes and a Python peer would fail to decode the whole message.
      return isWellFormed.call(value)
        ? undefined
        : reject("is a string with a lone UTF-16 surrogate (not valid Unicode)");
    case "number":
    case "boolean":
      return undefined;
    case "object":
      if (value === null || value instanceof Uint8Array) return undefined;
      if (ancestors.includes(value)) return reject("is a circular reference");
      if (ancestors.length >= MAX_MESSAGE_DEPTH) {
        return reject(`nests arrays and objects deeper than ${MAX_MESSAGE_DEPTH} levels, which msgpack cannot encode`);
      }
      if (Array.isArray(value)) return checkArray(value);
      if (isPlainObject(value)) return checkObject(value);
      return reject(`is ${describeValue(value)}`);
    case "undefined":
      return reject("is undefined (omit the key or use null)");
    case "bigint":
      return reject("is a bigint (send it as a string or a number)");
    case "function":
    case "symbol":
      return reject(`is a ${typeof value}`);
  }
}

function checkObject(object: Record<string, unknown>): Rejection | undefined {
  ancestors.push(object);
  for (const key in object) {
    if (!isWellFormed.call(key)) return reject(`has a key with a lone UTF-16 surrogate (${JSON.stringify(key)})`);
    const rejection = checkValue(object[key]);
    if (rejection !== undefined) {
      rejection.reversedPath.push(key);
      return rejection;
    }
  }
  ancestors.pop();
  return undefined;
}

function checkArray(array: readonly unknown[]): Rejection | undefined {
  ancestors.push(array);
  for (let i = 0; i < array.length; i++) {
    const rejection = checkValue(array[i]);
    if (rejection !== undefined) {
      rejection.reversedPath.push(i);
      return rejection;
    }
  }
  ancestors.pop();
  return undefined;
}

function reject(problem: string): Rejection {
  return { reversedPath: [], problem };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function formatPath(reversedPath: ReadonlyArray<string | number>): string {
  let path = "message";
  for (let i = reversedPath.length - 1; i >= 0; i--) {
    const segment = reversedPath[i];
    if (typeof segment === "number") path += `[${segment}]`;
    else if (segment !== undefined && IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date (send date.toISOString() or date.getTime())";
  if (value instanceof Map || value instanceof Set) {
    return `a ${value instanceof Map ? "Map" : "Set"} (convert it to a plain object or an array)`;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `${withArticle(value.constructor.name)} (wrap the bytes in a Uint8Array)`;
  }
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name !== "" ? `an instance of ${name}` : "an object with a custom prototype";
  }
  if (typeof value === "string") return `a string`;
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

function withArticle(name: string): string {
  return `${/^[AEIOU]/i.test(name) ? "an" : "a"} ${name}`;
}
