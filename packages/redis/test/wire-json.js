"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toJson = toJson;
exports.fromJson = fromJson;
/** Messages as JSON lines between these tests and the Python peers: bytes as {"$bytes": hex}. */
function toJson(value) {
    if (value instanceof Uint8Array)
        return { $bytes: Buffer.from(value).toString("hex") };
    if (Array.isArray(value))
        return value.map(toJson);
    if (typeof value === "object" && value !== null)
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
    return value;
}
/** A message as the Python side printed it, bytes turned back into Uint8Array. */
function fromJson(value) {
    if (Array.isArray(value))
        return value.map(fromJson);
    if (typeof value === "object" && value !== null) {
        const record = value;
        if (typeof record.$bytes === "string")
            return new Uint8Array(Buffer.from(record.$bytes, "hex"));
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromJson(v)]));
    }
    return value;
}
//# sourceMappingURL=wire-json.js.map