import { translatePythonRegex } from "./python-regex";
import type { PatternMatch, PatternMatcher } from "./route-pattern";
import { InvalidRoute } from "./routing-errors";

/**
 * Compiles a Django `re_path()` pattern into a matcher. A string is Python `re` syntax
 * (translated); a `RegExp` is taken as written, minus the stateful `g`/`y` flags.
 * Matching follows Django's `RegexPattern.match`: a search, not anchored unless the
 * pattern says so, except that an endpoint ending in `$` must match the whole path; named
 * groups become kwargs (unmatched ones left out), and unnamed groups become positional args
 * only when the pattern has no named groups at all.
 */
export function compileRegexPattern(regex: string | RegExp, endpoint: boolean): PatternMatcher {
  const written = typeof regex === "string" ? regex : regex.source;
  const display = typeof regex === "string" ? regex : String(regex);
  if (/^\^\\?\//.test(written)) {
    throw new InvalidRoute(
      display,
      'starts with "^/", so it can never match: routes are matched against the path without its leading slash. Drop the "/".',
    );
  }
  let { source, flags } =
    typeof regex === "string"
      ? translatePythonRegex(regex)
      : { source: regex.source, flags: regex.flags.replace(/[gy]/g, "") };
  // Compiled alone first: wrapped, an unbalanced ")(" in the pattern would pair with the wrapper's
  // own parentheses and compile into something else (Python refuses ")(x$").
  compile(display, source, flags);
  if (endpoint && written.endsWith("$")) {
    source = flags.includes("m") ? `(?<![\\s\\S])(?:${source})(?![\\s\\S])` : `^(?:${source})$`;
  }
  const compiled = compile(display, source, flags);
  const names = groupNames(source, flags);
  if (names.includes("__proto__")) {
    throw new InvalidRoute(display, 'names a group "__proto__", which cannot be a kwarg; rename the group.');
  }
  return names.length === 0 ? positionalMatcher(compiled) : namedMatcher(compiled, names);
}

function compile(display: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InvalidRoute(display, `is not a valid regular expression: ${(error as Error).message}`, { cause: error });
  }
}

/** JS does not list a RegExp's group names; an empty alternative makes every group report `undefined`. */
function groupNames(source: string, flags: string): string[] {
  const probe = new RegExp(`(?:${source})|`, flags).exec("");
  return probe?.groups === undefined ? [] : Object.keys(probe.groups);
}

function positionalMatcher(regex: RegExp): PatternMatcher {
  return function matchRegex(path: string): PatternMatch | undefined {
    const m = regex.exec(path);
    if (m === null) return undefined;
    return { remaining: path.slice(m.index + m[0].length), args: m.slice(1), kwargs: {} };
  };
}

function namedMatcher(regex: RegExp, names: readonly string[]): PatternMatcher {
  return function matchRegex(path: string): PatternMatch | undefined {
    const m = regex.exec(path);
    if (m === null) return undefined;
    const groups = m.groups as Record<string, string | undefined>;
    const kwargs: Record<string, unknown> = {};
    for (const name of names) {
      const value = groups[name];
      if (value !== undefined) kwargs[name] = value;
    }
    return { remaining: path.slice(m.index + m[0].length), args: [], kwargs };
  };
}
