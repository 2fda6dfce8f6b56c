"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDIS_LAYER_DEFAULTS = exports.CONNECTION_DEFAULTS = void 0;
exports.checkNumber = checkNumber;
exports.checkPrefix = checkPrefix;
exports.CONNECTION_DEFAULTS = {
    prefix: "asgi",
    reconnectMinDelayMs: 50,
    reconnectMaxDelayMs: 2000,
    operationTimeoutMs: 5000,
    warnIntervalMs: 10_000,
};
exports.REDIS_LAYER_DEFAULTS = {
    ...exports.CONNECTION_DEFAULTS,
    expiry: 60,
    groupExpiry: 86_400,
    capacity: 100,
    blockSeconds: 5,
};
/** Reject options no Redis layer can honour, naming the option and a valid value. */
function checkNumber(name, value, min, integer = false) {
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
        throw new TypeError(`${name} must be ${integer ? "an integer" : "a number"} >= ${min}, got ${String(value)}.`);
    }
}
function checkPrefix(prefix) {
    if (typeof prefix !== "string")
        throw new TypeError(`prefix must be a string, got ${typeof prefix}.`);
    if (/[*?[\]\\]/.test(prefix)) {
        throw new TypeError(`prefix ${JSON.stringify(prefix)} contains a glob character; flush() would delete other prefixes' keys.`);
    }
}
//# sourceMappingURL=options.js.map