import type { Application, Scope } from "../types";
import { type PatternMatcher } from "./route-pattern";
export type { PatternMatch } from "./route-pattern";
/**
 * Extra kwargs a route adds to `scope.url_route.kwargs` (Django's `kwargs`); they win over captures.
 * A key named `kwargs` is refused: `{ kwargs: { ... } }` is the shape of an options object, and
 * nesting it silently would hide the mistake.
 */
/**
 * `R` itself, unless it is a literal starting with "/": routes match the path without its leading
 * slash, so such a route can never match and `path()` throws `InvalidRoute`; this makes it a compile
 * error too, naming the fix in the message.
 */
export type WithoutLeadingSlash<R extends string, Prefix extends string = "/"> = R extends `${Prefix}${string}` ? `Routes are matched without the leading slash: drop the "/" of ${R}` : R;
export type RouteKwargs = Readonly<Record<string, unknown>> & {
    readonly kwargs?: never;
};
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
 * Written without the leading slash; `int` captures arrive as numbers. As Django's
 * `path(route, view, kwargs=None, name=None)`: `kwargs` are added to `scope.url_route.kwargs`
 * (winning over captures), `name` is kept for introspection.
 */
export declare function path<S extends Scope, R extends string>(route: WithoutLeadingSlash<R>, app: Application<S>, kwargs?: RouteKwargs, name?: string): Route;
/**
 * A route as a regular expression (Django's `re_path()`). A string is Python `re` syntax, so
 * patterns copy over unchanged: String.raw`^room/(?P<group>\w+)/$`. A `RegExp` is used as is.
 */
export declare function rePath<S extends Scope, R extends string>(regex: WithoutLeadingSlash<R, "^/"> | RegExp, app: Application<S>, kwargs?: RouteKwargs, name?: string): Route;
