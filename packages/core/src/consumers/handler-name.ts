import { HandlerNotFound } from "../errors";

/** `chat.message` -> `chat_message`, as the compiler sees it (for typed handler maps). */
export type HandlerName<T extends string> = T extends `${infer Head}.${infer Tail}`
  ? `${Head}_${HandlerName<Tail>}`
  : T;

// Names that would resolve on Object.prototype (constructor, toString, __proto__, ...) are never
// handlers: a message type must not be able to reach them.
const forbidden = new Set(Object.getOwnPropertyNames(Object.prototype));

function camelCase(type: string): string {
  return type.replace(/[._]+([a-zA-Z0-9])/g, (_match, c: string) => c.toUpperCase());
}

// The framework's own methods (send, accept, run, dispatch, groupAdd, ...) are not handlers
// either: a message whose type names one is refused, whatever a subclass does with the name.
const reserved = new Set<string>();

/** Marks every method of a framework class as "not a handler", except its protocol `handlers`. */
export function reserveFrameworkNames(prototype: object, handlers: readonly string[] = []): void {
  for (const name of Object.getOwnPropertyNames(prototype)) {
    if (name !== "constructor" && !handlers.includes(name)) reserved.add(name);
  }
}

// Lookups are cached per class: dispatch is on the hot path and the rule is pure.
const cache = new WeakMap<object, Map<string, string>>();

/**
 * The method a message `type` reaches on `target`: Channels' rule (`.` becomes `_`), or, when the
 * class has no such method, its camelCase form (`chat.message` -> `chatMessage`). Throws
 * `HandlerNotFound` for a handler name with a leading underscore (after the mapping, so `.secret`
 * is refused as `_secret`, as Channels does since its #1430), a missing handler, or an
 * Object.prototype name.
 */
export function handlerNameFor(target: object, type: unknown): string {
  if (typeof type !== "string") {
    throw new HandlerNotFound(
      String(type),
      `Message has no string "type" (got ${typeof type}); every message needs one.`,
    );
  }
  // Channels checks the name after `.` becomes `_`: both handler names start with "_" only when
  // the type starts with "_" or ".". Checked before the cache, so no cached entry can answer first.
  const first = type.charCodeAt(0);
  if (first === 95 /* _ */ || first === 46 /* . */) {
    throw new HandlerNotFound(
      type,
      `Malformed type in message: ${JSON.stringify(type)} maps to the handler name ${JSON.stringify(type.replace(/\./g, "_"))}, which starts with an underscore; handlers with a leading underscore are private.`,
    );
  }
  const proto = Object.getPrototypeOf(target) as object;
  let byType = cache.get(proto);
  if (byType === undefined) {
    byType = new Map();
    cache.set(proto, byType);
  }
  const cached = byType.get(type);
  if (cached !== undefined && typeof (target as Record<string, unknown>)[cached] === "function") return cached;

  const snake = type.replace(/\./g, "_");
  for (const name of [snake, camelCase(type)]) {
    if (reserved.has(name)) {
      throw new HandlerNotFound(
        type,
        `Message type ${JSON.stringify(type)} names the consumer method ${name}(), which is not a message handler; rename the message type.`,
      );
    }
    if (forbidden.has(name)) {
      throw new HandlerNotFound(
        type,
        `Message type ${JSON.stringify(type)} names ${JSON.stringify(name)}, which is not a handler; rename the message type.`,
      );
    }
    if (typeof (target as Record<string, unknown>)[name] === "function") {
      byType.set(type, name);
      return name;
    }
  }
  throw new HandlerNotFound(
    type,
    `No handler for message type ${JSON.stringify(type)}: define a method ${snake}() (or ${camelCase(type)}()) on ${target.constructor.name}.`,
  );
}
