"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MalformedWireMessage = exports.ASGI_CHANNEL_KEY = void 0;
exports.parseWireMessage = parseWireMessage;
/** The one reserved key channels_redis adds: the destination channel (str) or channels (list). */
exports.ASGI_CHANNEL_KEY = "__asgi_channel__";
/** Thrown by `parseWireMessage` for data that no channels_redis peer writes. */
class MalformedWireMessage extends Error {
}
exports.MalformedWireMessage = MalformedWireMessage;
/**
 * Check a decoded value is a message as channels_redis writes it: a map with a string `type`,
 * an optional `__asgi_channel__` string or list of strings, and no other `__asgi_` key (the
 * namespace is reserved, so an unknown one means a peer we do not understand).
 */
function parseWireMessage(value) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
        throw new MalformedWireMessage(`expected a map, got ${describe(value)}`);
    }
    const record = value;
    if (typeof record.type !== "string")
        throw new MalformedWireMessage(`"type" is ${describe(record.type)}, not a string`);
    let channels;
    for (const key of Object.keys(record)) {
        if (!key.startsWith("__asgi_"))
            continue;
        if (key !== exports.ASGI_CHANNEL_KEY)
            throw new MalformedWireMessage(`unknown reserved key ${JSON.stringify(key)}`);
        channels = readChannels(record[key]);
        delete record[key];
    }
    return { message: record, channels };
}
function readChannels(value) {
    if (typeof value === "string")
        return value;
    if (Array.isArray(value) && value.every((name) => typeof name === "string"))
        return value;
    throw new MalformedWireMessage(`${exports.ASGI_CHANNEL_KEY} is ${describe(value)}, not a string or a list of strings`);
}
function describe(value) {
    if (value === null)
        return "nil";
    if (Array.isArray(value))
        return "a list";
    if (ArrayBuffer.isView(value))
        return "bytes";
    return typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}
//# sourceMappingURL=wire-message.js.map