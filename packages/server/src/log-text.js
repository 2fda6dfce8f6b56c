"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeLogText = escapeLogText;
/**
 * Characters that could forge or hide log lines: C0 and C1 controls and DEL (a newline starts
 * a fake line), `"` and `\` (they would end the quoted request early or fake an escape), line
 * and paragraph separators, bidirectional overrides (text that reads differently than it is),
 * and lone surrogates (not text at all).
 */
const UNSAFE = 
// eslint-disable-next-line no-control-regex -- matching control characters is the point
/["\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function escapeChar(char) {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
/**
 * `text` safe to put in a log line: unsafe characters become `\xNN` (or `\uNNNN`), as nginx
 * does in its access log. Text from the client (a percent-decoded path) can hold anything.
 * Returns `text` itself, without allocating, in the usual case where nothing needs escaping.
 */
function escapeLogText(text) {
    UNSAFE.lastIndex = 0;
    if (!UNSAFE.test(text))
        return text;
    return text.replace(UNSAFE, escapeChar);
}
//# sourceMappingURL=log-text.js.map