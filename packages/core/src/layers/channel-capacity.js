"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelCapacities = void 0;
exports.requireCapacity = requireCapacity;
const glob_pattern_1 = require("./glob-pattern");
const layer_errors_1 = require("./layer-errors");
const EXPECTED_CAPACITY = "a positive integer number of messages, e.g. 100";
/**
 * Per-channel capacities from `channelCapacity`: patterns compiled once, first match wins,
 * the default capacity otherwise. A glob must match the whole name (fnmatch); a RegExp is
 * tested as given (anchor it with `^...$` to match the whole name), its `g`/`y` flags dropped
 * so that testing is stateless.
 */
class ChannelCapacities {
    defaultCapacity;
    patterns = [];
    capacities = [];
    constructor(channelCapacity, defaultCapacity) {
        this.defaultCapacity = defaultCapacity;
        if (channelCapacity === undefined)
            return;
        if (!Array.isArray(channelCapacity)) {
            throw new layer_errors_1.InvalidLayerOption("channelCapacity", channelCapacity, "an array of [glob or RegExp, capacity] pairs");
        }
        channelCapacity.forEach((pair, index) => {
            const [pattern, capacity] = parsePair(pair, index);
            this.patterns.push(pattern);
            this.capacities.push(capacity);
        });
    }
    /** The capacity of `channel`: the first matching pattern's, or the default. */
    get(channel) {
        for (let i = 0; i < this.patterns.length; i++) {
            if (this.patterns[i].test(channel))
                return this.capacities[i];
        }
        return this.defaultCapacity;
    }
}
exports.ChannelCapacities = ChannelCapacities;
/** Throws `InvalidLayerOption` unless `value` is a positive safe integer. */
function requireCapacity(option, value) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
        throw new layer_errors_1.InvalidLayerOption(option, value, EXPECTED_CAPACITY);
    }
    return value;
}
function parsePair(pair, index) {
    const option = `channelCapacity[${index}]`;
    if (!Array.isArray(pair) || pair.length !== 2) {
        throw new layer_errors_1.InvalidLayerOption(option, pair, 'a [pattern, capacity] pair, e.g. ["http.response!*", 10]');
    }
    const [pattern, capacity] = pair;
    let regExp;
    if (typeof pattern === "string")
        regExp = compileGlob(`${option}[0]`, pattern);
    else if (pattern instanceof RegExp)
        regExp = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
    else
        throw new layer_errors_1.InvalidLayerOption(`${option}[0]`, pattern, "a glob string or a RegExp");
    return [regExp, requireCapacity(`${option}[1]`, capacity)];
}
function compileGlob(option, glob) {
    try {
        return (0, glob_pattern_1.globToRegExp)(glob);
    }
    catch {
        // Only a set JS cannot express gets here, e.g. a reversed range like "[z-a]".
        throw new layer_errors_1.InvalidLayerOption(option, glob, 'a glob whose "[...]" sets are valid, e.g. "chat.*" or "[a-f]*"');
    }
}
//# sourceMappingURL=channel-capacity.js.map