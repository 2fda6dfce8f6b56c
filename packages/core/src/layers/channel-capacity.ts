import { globToRegExp } from "./glob-pattern";
import { InvalidLayerOption } from "./layer-errors";

const EXPECTED_CAPACITY = "a positive integer number of messages, e.g. 100";

/**
 * Per-channel capacities from `channelCapacity`: patterns compiled once, first match wins,
 * the default capacity otherwise. A glob must match the whole name (fnmatch); a RegExp is
 * tested as given (anchor it with `^...$` to match the whole name), its `g`/`y` flags dropped
 * so that testing is stateless.
 */
export class ChannelCapacities {
  private readonly patterns: RegExp[] = [];
  private readonly capacities: number[] = [];

  constructor(
    channelCapacity: ReadonlyArray<readonly [string | RegExp, number]> | undefined,
    readonly defaultCapacity: number,
  ) {
    if (channelCapacity === undefined) return;
    if (!Array.isArray(channelCapacity)) {
      throw new InvalidLayerOption("channelCapacity", channelCapacity, "an array of [glob or RegExp, capacity] pairs");
    }
    channelCapacity.forEach((pair: unknown, index) => {
      const [pattern, capacity] = parsePair(pair, index);
      this.patterns.push(pattern);
      this.capacities.push(capacity);
    });
  }

  /** The capacity of `channel`: the first matching pattern's, or the default. */
  get(channel: string): number {
    for (let i = 0; i < this.patterns.length; i++) {
      if (this.patterns[i]!.test(channel)) return this.capacities[i]!;
    }
    return this.defaultCapacity;
  }
}

/** Throws `InvalidLayerOption` unless `value` is a positive safe integer. */
export function requireCapacity(option: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidLayerOption(option, value, EXPECTED_CAPACITY);
  }
  return value;
}

function parsePair(pair: unknown, index: number): [RegExp, number] {
  const option = `channelCapacity[${index}]`;
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new InvalidLayerOption(option, pair, 'a [pattern, capacity] pair, e.g. ["http.response!*", 10]');
  }
  const [pattern, capacity] = pair as [unknown, unknown];
  let regExp: RegExp;
  if (typeof pattern === "string") regExp = compileGlob(`${option}[0]`, pattern);
  else if (pattern instanceof RegExp) regExp = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
  else throw new InvalidLayerOption(`${option}[0]`, pattern, "a glob string or a RegExp");
  return [regExp, requireCapacity(`${option}[1]`, capacity)];
}

function compileGlob(option: string, glob: string): RegExp {
  try {
    return globToRegExp(glob);
  } catch {
    // Only a set JS cannot express gets here, e.g. a reversed range like "[z-a]".
    throw new InvalidLayerOption(option, glob, 'a glob whose "[...]" sets are valid, e.g. "chat.*" or "[a-f]*"');
  }
}
