"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.globToRegExp = globToRegExp;
/**
 * Python `fnmatch.translate` for channel capacity patterns: `*` matches any run of characters,
 * `?` one character, `[abc]` / `[a-z]` a set, `[!abc]` its complement; everything else is
 * literal and the whole name must match. An unclosed `[` is a literal, as in Python.
 */
function globToRegExp(glob) {
    let source = "";
    let i = 0;
    while (i < glob.length) {
        const char = glob.charAt(i++);
        if (char === "*") {
            if (!source.endsWith(".*"))
                source += ".*";
        }
        else if (char === "?") {
            source += ".";
        }
        else if (char === "[") {
            const end = findSetEnd(glob, i);
            if (end === -1) {
                source += "\\[";
            }
            else {
                source += translateSet(glob.slice(i, end));
                i = end + 1;
            }
        }
        else {
            source += escapeRegExp(char);
        }
    }
    // `s` so that `*` and `?` match any character, like Python's (?s) in fnmatch.translate.
    return new RegExp(`^(?:${source})$`, "s");
}
/** Index of the `]` closing a set whose content starts at `start`, or -1 when unclosed. */
function findSetEnd(glob, start) {
    let j = start;
    if (glob.charAt(j) === "!")
        j++;
    // A `]` right after `[` or `[!` is a member, not the end.
    if (glob.charAt(j) === "]")
        j++;
    const end = glob.indexOf("]", j);
    return end;
}
function translateSet(content) {
    let negate = false;
    let body = content;
    if (body.startsWith("!")) {
        negate = true;
        body = body.slice(1);
    }
    // Escape what a JS class treats specially but fnmatch takes literally; keep `-` for ranges.
    body = body.replace(/[\\\]^[]/g, "\\$&");
    if (body === "")
        return negate ? "[^]" : "(?!)";
    return `[${negate ? "^" : ""}${body}]`;
}
function escapeRegExp(char) {
    return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}
//# sourceMappingURL=glob-pattern.js.map