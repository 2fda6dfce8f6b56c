import type { PatternMatcher } from "./route-pattern";
/**
 * Compiles a Django `re_path()` pattern into a matcher. A string is Python `re` syntax
 * (translated); a `RegExp` is taken as written, minus the stateful `g`/`y` flags.
 * Matching follows Django's `RegexPattern.match`: a search, not anchored unless the
 * pattern says so, except that an endpoint ending in `$` must match the whole path; named
 * groups become kwargs (unmatched ones left out), and unnamed groups become positional args
 * only when the pattern has no named groups at all.
 */
export declare function compileRegexPattern(regex: string | RegExp, endpoint: boolean): PatternMatcher;
