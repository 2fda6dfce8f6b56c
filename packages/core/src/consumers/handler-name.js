"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reserveFrameworkNames = reserveFrameworkNames;
exports.handlerNameFor = handlerNameFor;
const errors_1 = require("../errors");
// Names that would resolve on Object.prototype (constructor, toString, __proto__, ...) are never
// handlers: a message type must not be able to reach them.
const forbidden = new Set(Object.getOwnPropertyNames(Object.prototype));
function camelCase(type) {
    return type.replace(/[._]+([a-zA-Z0-9])/g, (_match, c) => c.toUpperCase());
}
// The framework's own methods (send, accept, run, dispatch, groupAdd, ...) are not handlers
// either: a message whose type names one is refused, whatever a subclass does with the name.
const reserved = new Set();
/** Marks every method of a framework class as "not a handler", except its protocol `handlers`. */
function reserveFrameworkNames(prototype, handlers = []) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
        if (name !== "constructor" && !handlers.includes(name))
            reserved.add(name);
    }
}
// Lookups are cached per class: dispatch is on the hot path and the rule is pure.
const cache = new WeakMap();
/**
 * The method a message `type` reaches on `target`: Channels' rule (`.` becomes `_`), or, when the
 * class has no such method, its camelCase form (`chat.message` -> `chatMessage`). Throws
 * `HandlerNotFound` for a leading underscore, a missing handler, or an Object.prototype name.
 */
function handlerNameFor(target, type) {
    if (typeof type !== "string") {
        throw new errors_1.HandlerNotFound(String(type), `Message has no string "type" (got ${typeof type}); every message needs one.`);
    }
    const proto = Object.getPrototypeOf(target);
    let byType = cache.get(proto);
    if (byType === undefined) {
        byType = new Map();
        cache.set(proto, byType);
    }
    const cached = byType.get(type);
    if (cached !== undefined && typeof target[cached] === "function")
        return cached;
    if (type.startsWith("_")) {
        throw new errors_1.HandlerNotFound(type, `Malformed type in message: ${JSON.stringify(type)} starts with an underscore; handlers with a leading underscore are private.`);
    }
    const snake = type.replace(/\./g, "_");
    for (const name of [snake, camelCase(type)]) {
        if (reserved.has(name)) {
            throw new errors_1.HandlerNotFound(type, `Message type ${JSON.stringify(type)} names the consumer method ${name}(), which is not a message handler; rename the message type.`);
        }
        if (forbidden.has(name)) {
            throw new errors_1.HandlerNotFound(type, `Message type ${JSON.stringify(type)} names ${JSON.stringify(name)}, which is not a handler; rename the message type.`);
        }
        if (typeof target[name] === "function") {
            byType.set(type, name);
            return name;
        }
    }
    throw new errors_1.HandlerNotFound(type, `No handler for message type ${JSON.stringify(type)}: define a method ${snake}() (or ${camelCase(type)}()) on ${target.constructor.name}.`);
}
//# sourceMappingURL=handler-name.js.map