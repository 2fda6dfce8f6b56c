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
/**
 * Parses `args` for one command. Unlike node:util's parseArgs, every failure is a `CliUsageError`
 * whose message names the flag and the value, and `--no-<flag>` negates a boolean flag.
 * `--help`/`-h` anywhere before `--` asks for help and stops checking.
 */
export declare function parseFlags(args: readonly string[], specs: FlagSpecs, command: string, env?: NodeJS.ProcessEnv): ParsedArgs;
/** Checks a string flag against its allowed values, naming the flag (or variable) and the value. */
export declare function oneOf<T extends string>(value: string | boolean | undefined, allowed: readonly T[], source: string | undefined, command: string): T | undefined;
/** A TCP port: digits only, 0-65535. */
export declare function portValue(value: string | boolean | undefined, source: string | undefined, command: string): number | undefined;
/** A string flag's text, or undefined. */
export declare function stringValue(value: string | boolean | undefined): string | undefined;
export declare function booleanValue(value: string | boolean | undefined): boolean | undefined;
