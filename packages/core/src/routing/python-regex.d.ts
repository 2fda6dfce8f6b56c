/**
 * Translates a Python `re` pattern (as written in a Django `re_path()` or a converter's
 * `regex`) into JavaScript source and flags, so routing tables copy over from Django
 * unchanged. The output always uses the `u` flag; Python's Unicode-aware `\w`, `\d` and `\b`
 * become Unicode property escapes, so `\w+` matches "café" as it does in Django.
 *
 * Supported: `(?P<name>...)`, `(?P=name)`, `(?#...)`, leading global flags `(?aimsu)`,
 * Python's literal `{` / `]` rules, `{,n}`, `\A`, `\Z`, octal and `\U` escapes, and the JS
 * spellings `(?<name>...)` / `\k<name>`. Unsupported constructs (verbose mode, scoped
 * flags, conditionals, atomic groups) are rejected with an error naming them, never
 * silently changed in meaning. One deliberate difference: `$` matches only at the very
 * end, not also before a trailing newline.
 */
export interface TranslatedRegex {
    source: string;
    flags: string;
}
export declare function translatePythonRegex(pattern: string): TranslatedRegex;
