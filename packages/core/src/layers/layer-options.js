"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LAYER_DEFAULTS = void 0;
exports.resolveLayerOptions = resolveLayerOptions;
const channel_capacity_1 = require("./channel-capacity");
const layer_errors_1 = require("./layer-errors");
/** The defaults of Channels' layers, in seconds and messages. */
exports.LAYER_DEFAULTS = { expiry: 60, groupExpiry: 86400, capacity: 100 };
/**
 * Validates the options every layer shares, over `LAYER_DEFAULTS`; throws `InvalidLayerOption`
 * naming the first bad one. Keys that only some layers have are left to those layers.
 */
function resolveLayerOptions(options = {}) {
    const capacity = (0, channel_capacity_1.requireCapacity)("capacity", options.capacity ?? exports.LAYER_DEFAULTS.capacity);
    return {
        expiryMs: requireSeconds("expiry", options.expiry ?? exports.LAYER_DEFAULTS.expiry) * 1000,
        groupExpiryMs: requireSeconds("groupExpiry", options.groupExpiry ?? exports.LAYER_DEFAULTS.groupExpiry) * 1000,
        capacities: new channel_capacity_1.ChannelCapacities(options.channelCapacity, capacity),
    };
}
function requireSeconds(option, value) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        throw new layer_errors_1.InvalidLayerOption(option, value, "a positive number of seconds (fractions allowed), e.g. 60");
    }
    return value;
}
//# sourceMappingURL=layer-options.js.map