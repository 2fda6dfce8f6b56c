import { converterNames, getConverter } from "./converters";
import { InvalidRoute } from "./routing-errors";

/** What a pattern leaves behind when it matches: the rest of the path and the captures. */
export interface PatternMatch {
  remaining: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export type PatternMatcher = (path: string) => PatternMatch | undefined;

/** Django's `_PATH_PARAMETER_COMPONENT_RE`: `<converter:name>` or `<name>`. */
const PARAMETER = /<(?:([^>:]+):)?([^>]+)>/g;
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const REGEX_SYNTAX = /[\^$\\.*+?()[\]{}|/]/g;

interface Parameter {
  name: string;
  toValue: ((raw: string) => unknown) | undefined;
}

/**
 * Compiles a Django `path()` route such as `"chat/<str:room>/"` into a matcher. An endpoint
 * must match the whole path; a non-endpoint (a route to a nested router) matches a prefix.
 */
export function compileRoutePattern(route: string, endpoint: boolean): PatternMatcher {
  if (route.startsWith("/")) {
    throw new InvalidRoute(
      route,
      `starts with "/", so it can never match: routes are matched against the path without its leading slash. Write ${JSON.stringify(route.replace(/^\/+/, ""))}.`,
    );
  }
  const params: Parameter[] = [];
  let source = "^";
  let last = 0;
  for (const m of route.matchAll(PARAMETER)) {
    source += escapeLiteral(route, route.slice(last, m.index)) + parameterGroup(route, m, params);
    last = m.index + m[0].length;
  }
  source += escapeLiteral(route, route.slice(last));
  if (params.length === 0) return literalMatcher(route, endpoint);
  // Most routes differ in their literal start; a string check rejects them before the regex runs.
  const prefix = route.slice(0, route.indexOf("<"));
  if (endpoint) source += "$";
  let regex: RegExp;
  try {
    regex = new RegExp(source, "u");
  } catch (error) {
    throw new InvalidRoute(route, `does not compile to a valid regular expression: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return function matchRoute(path: string): PatternMatch | undefined {
    if (!path.startsWith(prefix)) return undefined;
    const m = regex.exec(path);
    if (m === null) return undefined;
    const groups = m.groups as Record<string, string>;
    const kwargs: Record<string, unknown> = {};
    for (const { name, toValue } of params) {
      const raw = groups[name] as string;
      if (toValue === undefined) kwargs[name] = raw;
      else {
        try {
          kwargs[name] = toValue(raw);
        } catch {
          return undefined;
        }
      }
    }
    return { remaining: path.slice(m[0].length), args: [], kwargs };
  };
}

function parameterGroup(route: string, m: RegExpExecArray | RegExpMatchArray, params: Parameter[]): string {
  const [whole, converterName = "str", name = ""] = m;
  if (/\s/u.test(whole)) throw new InvalidRoute(route, `cannot contain whitespace in angle brackets: ${whole}.`);
  if (!IDENTIFIER.test(name) || name === "__proto__") {
    throw new InvalidRoute(route, `uses parameter name ${JSON.stringify(name)}, which isn't a valid identifier.`);
  }
  if (params.some((p) => p.name === name)) {
    throw new InvalidRoute(
      route,
      `uses parameter name ${JSON.stringify(name)} more than once; give each parameter its own name.`,
    );
  }
  const converter = getConverter(converterName);
  if (converter === undefined) {
    throw new InvalidRoute(
      route,
      `uses invalid converter ${JSON.stringify(converterName)}; known converters are ${converterNames().join(", ")}. ` +
        "Register it with registerConverter() before defining the route.",
    );
  }
  params.push({ name, toValue: converter.toValue });
  return `(?<${name}>${converter.source})`;
}

function escapeLiteral(route: string, literal: string): string {
  if (literal.includes("<") || literal.includes(">")) {
    throw new InvalidRoute(
      route,
      `has an unmatched "<" or ">" in ${JSON.stringify(literal)}; parameters are written <converter:name>.`,
    );
  }
  return literal.replace(REGEX_SYNTAX, "\\$&");
}

/** Without parameters a route is plain text: compare strings, as Django does. */
function literalMatcher(route: string, endpoint: boolean): PatternMatcher {
  if (endpoint) {
    return (path) => (path === route ? { remaining: "", args: [], kwargs: {} } : undefined);
  }
  return (path) => (path.startsWith(route) ? { remaining: path.slice(route.length), args: [], kwargs: {} } : undefined);
}
