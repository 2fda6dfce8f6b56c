/**
 * Python `fnmatch.translate` for channel capacity patterns: `*` matches any run of characters,
 * `?` one character, `[abc]` / `[a-z]` a set, `[!abc]` its complement; everything else is
 * literal and the whole name must match. An unclosed `[` is a literal, as in Python.
 */
export declare function globToRegExp(glob: string): RegExp;
