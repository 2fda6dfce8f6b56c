"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseFlags = parseFlags;
exports.oneOf = oneOf;
exports.portValue = portValue;
exports.stringValue = stringValue;
exports.booleanValue = booleanValue;
const errors_1 = require("./errors");
const BOOLEAN_ENV = {
    "1": true,
    true: true,
    yes: true,
    on: true,
    "0": false,
    false: false,
    no: false,
    off: false,
};
/**
 * Parses `args` for one command. Unlike node:util's parseArgs, every failure is a `CliUsageError`
 * whose message names the flag and the value, and `--no-<flag>` negates a boolean flag.
 * `--help`/`-h` anywhere before `--` asks for help and stops checking.
 */
function parseFlags(args, specs, command, env = process.env) {
    const values = {};
    const sources = {};
    const positionals = [];
    const end = args.indexOf("--");
    if (args.slice(0, end === -1 ? undefined : end).some((a) => a === "--help" || a === "-h")) {
        return { values, sources, positionals, help: true };
    }
    const shortNames = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name]] : [])));
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--") {
            positionals.push(...args.slice(i + 1));
            break;
        }
        if (!arg.startsWith("-") || arg === "-") {
            positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf("=");
        const written = eq === -1 ? arg : arg.slice(0, eq);
        const inline = eq === -1 ? undefined : arg.slice(eq + 1);
        let name = written.startsWith("--") ? written.slice(2) : shortNames.get(written.slice(1));
        let negated = false;
        if (name !== undefined &&
            specs[name] === undefined &&
            name.startsWith("no-") &&
            specs[name.slice(3)]?.type === "boolean") {
            name = name.slice(3);
            negated = true;
        }
        const spec = name === undefined ? undefined : specs[name];
        if (name === undefined || spec === undefined) {
            throw new errors_1.CliUsageError(`unknown option ${written}`, command);
        }
        if (spec.type === "boolean") {
            if (inline !== undefined)
                throw new errors_1.CliUsageError(`option ${written} takes no value (got ${JSON.stringify(inline)})`, command);
            values[name] = !negated;
        }
        else {
            let value = inline;
            if (value === undefined) {
                const next = args[i + 1];
                if (next === undefined || next.startsWith("--"))
                    throw new errors_1.CliUsageError(`option ${written} needs a value`, command);
                value = next;
                i++;
            }
            values[name] = value;
        }
        sources[name] = written;
    }
    for (const [name, spec] of Object.entries(specs)) {
        const raw = spec.env === undefined ? undefined : env[spec.env];
        if (values[name] !== undefined || raw === undefined || raw === "")
            continue;
        sources[name] = spec.env;
        if (spec.type === "string") {
            values[name] = raw;
            continue;
        }
        const flag = BOOLEAN_ENV[raw.toLowerCase()];
        if (flag === undefined) {
            throw new errors_1.CliUsageError(`environment variable ${spec.env}=${JSON.stringify(raw)} must be 1 or 0 (or true/false)`, command);
        }
        values[name] = flag;
    }
    return { values, sources, positionals, help: false };
}
/** Checks a string flag against its allowed values, naming the flag (or variable) and the value. */
function oneOf(value, allowed, source, command) {
    if (value === undefined)
        return undefined;
    if (typeof value === "string" && allowed.includes(value))
        return value;
    throw new errors_1.CliUsageError(`${describeSource(source)} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`, command);
}
/** A TCP port: digits only, 0-65535. */
function portValue(value, source, command) {
    if (value === undefined)
        return undefined;
    const text = String(value);
    const port = Number(text);
    if (!/^\d+$/.test(text) || port > 65535) {
        throw new errors_1.CliUsageError(`${describeSource(source)} must be a port number from 0 to 65535, got ${JSON.stringify(text)}`, command);
    }
    return port;
}
/** A string flag's text, or undefined. */
function stringValue(value) {
    return typeof value === "string" ? value : undefined;
}
function booleanValue(value) {
    return typeof value === "boolean" ? value : undefined;
}
function describeSource(source) {
    if (source === undefined)
        return "the value";
    return source.startsWith("-") ? `option ${source}` : `environment variable ${source}`;
}
//# sourceMappingURL=cli-args.js.map