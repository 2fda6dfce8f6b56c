/** What a pattern leaves behind when it matches: the rest of the path and the captures. */
export interface PatternMatch {
    remaining: string;
    args: unknown[];
    kwargs: Record<string, unknown>;
}
export type PatternMatcher = (path: string) => PatternMatch | undefined;
/**
 * Compiles a Django `path()` route such as `"chat/<str:room>/"` into a matcher. An endpoint
 * must match the whole path; a non-endpoint (a route to a nested router) matches a prefix.
 */
export declare function compileRoutePattern(route: string, endpoint: boolean): PatternMatcher;
