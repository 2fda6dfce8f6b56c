import { CliUsageError } from "./errors";

/** A command-line flag: `--name value` / `--name=value` (string) or `--name` / `--no-name` (boolean). */
export interface FlagSpec {
  type: "string" | "boolean";
  /** One-letter alias, e.g. "h" for `-h`. */
  short?: string;
  /** Environment variable read when the flag is absent (the flag wins). */
  env?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  /** Flag values by flag name (without `--`); a string flag's value is the raw text, checked by the caller. */
  values: Record<string, string | boolean | undefined>;
  /** Where each value came from, for messages: "--port" or "PORT". */
  sources: Record<string, string>;
  positionals: string[];
  help: boolean;
}

const BOOLEAN_ENV: Record<string, boolean> = {
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
export function parseFlags(
  args: readonly string[],
  specs: FlagSpecs,
  command: string,
  env: NodeJS.ProcessEnv = process.env,
): ParsedArgs {
  const values: ParsedArgs["values"] = {};
  const sources: Record<string, string> = {};
  const positionals: string[] = [];
  const end = args.indexOf("--");
  if (args.slice(0, end === -1 ? undefined : end).some((a) => a === "--help" || a === "-h")) {
    return { values, sources, positionals, help: true };
  }
  const shortNames = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name]] : [])));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
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
    if (
      name !== undefined &&
      specs[name] === undefined &&
      name.startsWith("no-") &&
      specs[name.slice(3)]?.type === "boolean"
    ) {
      name = name.slice(3);
      negated = true;
    }
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || spec === undefined) {
      throw new CliUsageError(`unknown option ${written}`, command);
    }
    if (spec.type === "boolean") {
      if (inline !== undefined)
        throw new CliUsageError(`option ${written} takes no value (got ${JSON.stringify(inline)})`, command);
      values[name] = !negated;
    } else {
      let value = inline;
      if (value === undefined) {
        const next = args[i + 1];
        if (next === undefined || next.startsWith("--"))
          throw new CliUsageError(`option ${written} needs a value`, command);
        value = next;
        i++;
      }
      values[name] = value;
    }
    sources[name] = written;
  }
  for (const [name, spec] of Object.entries(specs)) {
    const raw = spec.env === undefined ? undefined : env[spec.env];
    if (values[name] !== undefined || raw === undefined || raw === "") continue;
    sources[name] = spec.env as string;
    if (spec.type === "string") {
      values[name] = raw;
      continue;
    }
    const flag = BOOLEAN_ENV[raw.toLowerCase()];
    if (flag === undefined) {
      throw new CliUsageError(
        `environment variable ${spec.env}=${JSON.stringify(raw)} must be 1 or 0 (or true/false)`,
        command,
      );
    }
    values[name] = flag;
  }
  return { values, sources, positionals, help: false };
}

/** Checks a string flag against its allowed values, naming the flag (or variable) and the value. */
export function oneOf<T extends string>(
  value: string | boolean | undefined,
  allowed: readonly T[],
  source: string | undefined,
  command: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliUsageError(
    `${describeSource(source)} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`,
    command,
  );
}

/** A TCP port: digits only, 0-65535. */
export function portValue(
  value: string | boolean | undefined,
  source: string | undefined,
  command: string,
): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CliUsageError(
      `${describeSource(source)} must be a port number from 0 to 65535, got ${JSON.stringify(text)}`,
      command,
    );
  }
  return port;
}

/** A limit: digits, or "Infinity", or "0" where `zeroMeans` says what 0 is. */
export function limitValue(
  value: string | boolean | undefined,
  source: string | undefined,
  command: string,
  /** 0 is allowed, and means this (as the error says); undefined: 0 is refused. */
  zeroMeans?: string,
): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (text === "Infinity" || text === "inf") return Number.POSITIVE_INFINITY;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || (n === 0 && zeroMeans === undefined)) {
    throw new CliUsageError(
      `${describeSource(source)} must be ${zeroMeans !== undefined ? `an integer >= 0 (${zeroMeans})` : "a positive integer (or Infinity: no limit)"}, got ${JSON.stringify(text)}`,
      command,
    );
  }
  return n;
}

/** A string flag's text, or undefined. */
export function stringValue(value: string | boolean | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function booleanValue(value: string | boolean | undefined): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

function describeSource(source: string | undefined): string {
  if (source === undefined) return "the value";
  return source.startsWith("-") ? `option ${source}` : `environment variable ${source}`;
}
