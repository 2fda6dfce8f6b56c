import { translatePythonRegex } from "./python-regex";
import { InvalidRoute } from "./routing-errors";

/**
 * A `path()` converter, as in Django's `django.urls.converters`: `regex` (Python syntax,
 * translated like `rePath()` patterns) says what a segment may look like, `toValue`
 * (Django's `to_python`) turns the matched text into the kwarg. `toValue` throws to reject
 * the match, so routing moves on to the next route, as a Django `ValueError` does.
 */
export interface PathConverter<T = unknown> {
  readonly regex: string;
  toValue?(raw: string): T;
}

/** A converter ready for matching: its regex already translated to JS source. */
export interface CompiledConverter {
  readonly source: string;
  readonly toValue: ((raw: string) => unknown) | undefined;
}

function toSafeInteger(raw: string): number {
  const value = Number(raw);
  // Past 2^53 a number silently changes the id; refusing the match gives a 404 instead.
  if (!Number.isSafeInteger(value)) throw new RangeError(`${raw} is not a safe integer`);
  return value;
}

const registry = new Map<string, CompiledConverter>();

function compile(name: string, converter: PathConverter): CompiledConverter {
  const translated = translatePythonRegex(converter.regex);
  if (translated.flags !== "u") {
    throw new InvalidRoute(
      converter.regex,
      `is the regex of converter ${JSON.stringify(name)} and sets inline flags; converters cannot, since their regex is embedded in a larger pattern.`,
    );
  }
  try {
    new RegExp(translated.source, "u");
  } catch (error) {
    throw new InvalidRoute(
      converter.regex,
      `is the regex of converter ${JSON.stringify(name)} and is not a valid regular expression: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return { source: translated.source, toValue: converter.toValue?.bind(converter) };
}

const BUILT_IN: ReadonlyArray<[string, PathConverter]> = [
  ["str", { regex: "[^/]+" }],
  ["int", { regex: "[0-9]+", toValue: toSafeInteger }],
  ["slug", { regex: "[-a-zA-Z0-9_]+" }],
  ["uuid", { regex: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" }],
  ["path", { regex: ".+" }],
];
for (const [name, converter] of BUILT_IN) registry.set(name, compile(name, converter));

/**
 * Makes `<name:param>` available to every `path()` defined afterwards (Django's
 * `register_converter`). Registering a name twice is an error: routes already defined
 * would silently keep the old meaning.
 */
export function registerConverter<T>(name: string, converter: PathConverter<T>): void {
  if (!/^[^<>:\s]+$/.test(name)) {
    throw new InvalidRoute(
      `<${name}:...>`,
      `uses the converter name ${JSON.stringify(name)}; names cannot contain "<", ">", ":" or whitespace.`,
    );
  }
  if (registry.has(name)) {
    throw new InvalidRoute(
      `<${name}:...>`,
      `uses converter ${JSON.stringify(name)}, which is already registered; choose another name.`,
    );
  }
  registry.set(name, compile(name, converter));
}

export function getConverter(name: string): CompiledConverter | undefined {
  return registry.get(name);
}

export function converterNames(): string[] {
  return [...registry.keys()];
}
