import type { Application, Scope } from "../types";
import { assertApplication } from "./application-check";
import { isPathRouting } from "./path-routing";
import { compileRegexPattern } from "./regex-pattern";
import { compileRoutePattern, type PatternMatch, type PatternMatcher } from "./route-pattern";

export type { PatternMatch } from "./route-pattern";

export interface RouteOptions {
  /** Extra kwargs added to `scope.url_route.kwargs` (Django's `kwargs=`); they win over captures. */
  kwargs?: Record<string, unknown>;
  /** The route's name, kept for introspection. */
  name?: string;
}

/** One entry of a `URLRouter`, made by `path()` or `rePath()`; compiled when created. */
export interface Route {
  /** The route or regex as written, for messages. */
  readonly pattern: string;
  readonly app: Application;
  readonly kwargs: Readonly<Record<string, unknown>> | undefined;
  readonly name: string | undefined;
  /** False when `app` routes the rest of the path itself: the pattern then matches a prefix. */
  readonly endpoint: boolean;
  /** Matches a path that has no leading slash. */
  readonly match: PatternMatcher;
}

/**
 * A route in Django `path()` syntax: `"chat/<str:room>/"`, `"year/<int:year>/"`, `"<name>/"`.
 * Written without the leading slash; `int` captures arrive as numbers.
 */
export function path<S extends Scope>(route: string, app: Application<S>, options: RouteOptions = {}): Route {
  assertApplication(`path(${JSON.stringify(route)})`, app);
  const endpoint = !isPathRouting(app);
  return makeRoute(route, app, options, endpoint, compileRoutePattern(route, endpoint));
}

/**
 * A route as a regular expression (Django's `re_path()`). A string is Python `re` syntax, so
 * patterns copy over unchanged: String.raw`^room/(?P<group>\w+)/$`. A `RegExp` is used as is.
 */
export function rePath<S extends Scope>(
  regex: string | RegExp,
  app: Application<S>,
  options: RouteOptions = {},
): Route {
  const display = typeof regex === "string" ? regex : String(regex);
  assertApplication(`rePath(${JSON.stringify(display)})`, app);
  const endpoint = !isPathRouting(app);
  return makeRoute(display, app, options, endpoint, compileRegexPattern(regex, endpoint));
}

function makeRoute(
  pattern: string,
  app: Application<never>,
  options: RouteOptions,
  endpoint: boolean,
  match: (path: string) => PatternMatch | undefined,
): Route {
  const kwargs = options.kwargs === undefined ? undefined : Object.freeze({ ...options.kwargs });
  return Object.freeze({ pattern, app: app as Application, kwargs, name: options.name, endpoint, match });
}
