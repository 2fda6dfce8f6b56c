"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerConverter = registerConverter;
exports.getConverter = getConverter;
exports.converterNames = converterNames;
const python_regex_1 = require("./python-regex");
const routing_errors_1 = require("./routing-errors");
function toSafeInteger(raw) {
    const value = Number(raw);
    // Past 2^53 a number silently changes the id; refusing the match gives a 404 instead.
    if (!Number.isSafeInteger(value))
        throw new RangeError(`${raw} is not a safe integer`);
    return value;
}
const registry = new Map();
function compile(name, converter) {
    const translated = (0, python_regex_1.translatePythonRegex)(converter.regex);
    if (translated.flags !== "u") {
        throw new routing_errors_1.InvalidRoute(converter.regex, `is the regex of converter ${JSON.stringify(name)} and sets inline flags; converters cannot, since their regex is embedded in a larger pattern.`);
    }
    try {
        new RegExp(translated.source, "u");
    }
    catch (error) {
        throw new routing_errors_1.InvalidRoute(converter.regex, `is the regex of converter ${JSON.stringify(name)} and is not a valid regular expression: ${error.message}`, { cause: error });
    }
    return { source: translated.source, toValue: converter.toValue?.bind(converter) };
}
const BUILT_IN = [
    ["str", { regex: "[^/]+" }],
    ["int", { regex: "[0-9]+", toValue: toSafeInteger }],
    ["slug", { regex: "[-a-zA-Z0-9_]+" }],
    ["uuid", { regex: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" }],
    ["path", { regex: ".+" }],
];
for (const [name, converter] of BUILT_IN)
    registry.set(name, compile(name, converter));
/**
 * Makes `<name:param>` available to every `path()` defined afterwards (Django's
 * `register_converter`). Registering a name twice is an error: routes already defined
 * would silently keep the old meaning.
 */
function registerConverter(name, converter) {
    if (!/^[^<>:\s]+$/.test(name)) {
        throw new routing_errors_1.InvalidRoute(`<${name}:...>`, `uses the converter name ${JSON.stringify(name)}; names cannot contain "<", ">", ":" or whitespace.`);
    }
    if (registry.has(name)) {
        throw new routing_errors_1.InvalidRoute(`<${name}:...>`, `uses converter ${JSON.stringify(name)}, which is already registered; choose another name.`);
    }
    registry.set(name, compile(name, converter));
}
function getConverter(name) {
    return registry.get(name);
}
function converterNames() {
    return [...registry.keys()];
}
//# sourceMappingURL=converters.js.map