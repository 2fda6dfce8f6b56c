"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.frozenCopy = frozenCopy;
exports.validatedFrozenCopy = validatedFrozenCopy;
const validate_message_1 = require("./validate-message");
/**
 * A deep copy of a validated message with every object and array frozen. The in-memory layer
 * makes one per send/groupSend call (never one per member): the sender may reuse or change its
 * object afterwards, and a member that tries to change what every member shares gets a TypeError
 * instead of silently editing the others' copy. Byte arrays are copied, not frozen (a typed array
 * with elements cannot be).
 */
function frozenCopy(message) {
    return copy(message);
}
function copy(value) {
    if (value === null || typeof value !== "object")
        return value;
    if (value instanceof Uint8Array)
        return new Uint8Array(value);
    if (Array.isArray(value)) {
        const out = new Array(value.length);
        for (let i = 0; i < value.length; i++)
            out[i] = copy(value[i]);
        return Object.freeze(out);
    }
    const out = {};
    for (const key of Object.keys(value)) {
        const item = copy(value[key]);
        // An own "__proto__" key (JSON.parse makes those) must stay data, not become the prototype.
        if (key === "__proto__")
            Object.defineProperty(out, key, { value: item, enumerable: true });
        else
            out[key] = item;
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
function validatedFrozenCopy(message) {
    const copied = typeof message === "object" && message !== null && typeof message.type === "string"
        ? checkedCopy(message, 0)
        : INVALID;
    if (copied !== INVALID)
        return copied;
    (0, validate_message_1.validateMessage)(message);
    return frozenCopy(message);
}
function checkedCopy(value, depth) {
    switch (typeof value) {
        case "string":
            return validate_message_1.isWellFormed.call(value) ? value : INVALID;
        case "number":
        case "boolean":
            return value;
        case "object": {
            if (value === null)
                return null;
            if (value instanceof Uint8Array)
                return new Uint8Array(value);
            if (depth >= MAX_FAST_DEPTH)
                return INVALID;
            if (Array.isArray(value)) {
                const out = new Array(value.length);
                for (let i = 0; i < value.length; i++) {
                    const item = checkedCopy(value[i], depth + 1);
                    if (item === INVALID)
                        return INVALID;
                    out[i] = item;
                }
                return Object.freeze(out);
            }
            const proto = Object.getPrototypeOf(value);
            if (proto !== Object.prototype && proto !== null)
                return INVALID;
            const out = {};
            for (const key in value) {
                if (!Object.hasOwn(value, key) || !validate_message_1.isWellFormed.call(key))
                    return INVALID;
                const item = checkedCopy(value[key], depth + 1);
                if (item === INVALID)
                    return INVALID;
                if (key === "__proto__")
                    Object.defineProperty(out, key, { value: item, enumerable: true });
                else
                    out[key] = item;
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
//# sourceMappingURL=frozen-copy.js.map