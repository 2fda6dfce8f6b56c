"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.translatePythonRegex = translatePythonRegex;
const routing_errors_1 = require("./routing-errors");
const WORD = String.raw `\p{L}\p{N}_`;
const WORD_BOUNDARY = String.raw `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const NOT_WORD_BOUNDARY = String.raw `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
/** Characters that may (and, if literal, must) be escaped in a `u`-mode JS pattern. */
const SYNTAX_CHARS = "^$\\.*+?()[]{}|/";
const GROUP_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const LEADING_FLAGS = /^\(\?([a-zA-Z]+)\)/;
const QUANTIFIER = /\{(\d*)(?:(,)(\d*))?\}/y;
const SIMPLE_ESCAPES = {
    a: "\\x07",
    f: "\\f",
    n: "\\n",
    r: "\\r",
    t: "\\t",
    v: "\\v",
    s: "\\s",
    S: "\\S",
};
function translatePythonRegex(pattern) {
    return new Translator(pattern).run();
}
class Translator {
    src;
    i = 0;
    ascii = false;
    dotAll = false;
    flags = new Set(["u"]);
    constructor(src) {
        this.src = src;
    }
    run() {
        this.readLeadingFlags();
        let out = "";
        const src = this.src;
        while (this.i < src.length) {
            const c = src[this.i];
            if (c === "\\")
                out += this.escape(false);
            else if (c === "[")
                out += this.charClass();
            else if (c === "(")
                out += this.groupOpen();
            else if (c === "{")
                out += this.brace();
            else if (c === "}" || c === "]") {
                // Literal in Python; a syntax error in u-mode JS unless escaped.
                out += "\\" + c;
                this.i++;
            }
            else if (c === "." && !this.dotAll) {
                // Python's `.` excludes only "\n"; JS's also excludes "\r", U+2028 and U+2029.
                out += "[^\\n]";
                this.i++;
            }
            else {
                out += c;
                this.i++;
            }
        }
        return { source: out, flags: [...this.flags].sort().join("") };
    }
    readLeadingFlags() {
        for (;;) {
            const m = LEADING_FLAGS.exec(this.src.slice(this.i));
            if (m === null)
                return;
            for (const flag of m[1]) {
                if (flag === "i" || flag === "m")
                    this.flags.add(flag);
                else if (flag === "s") {
                    this.flags.add("s");
                    this.dotAll = true;
                }
                else if (flag === "a")
                    this.ascii = true;
                else if (flag !== "u") {
                    this.fail(`uses the inline flag "(?${flag})", which has no JavaScript equivalent; remove it`);
                }
            }
            this.i += m[0].length;
        }
    }
    escape(inClass) {
        const src = this.src;
        this.i++;
        const c = src[this.i];
        if (c === undefined)
            this.fail("ends with a lone backslash");
        this.i++;
        const simple = SIMPLE_ESCAPES[c];
        if (simple !== undefined)
            return simple;
        switch (c) {
            case "d":
                return this.ascii ? "\\d" : "\\p{Nd}";
            case "D":
                return this.ascii ? "\\D" : "\\P{Nd}";
            case "w":
                return this.ascii ? "\\w" : inClass ? WORD : `[${WORD}]`;
            case "W":
                if (this.ascii)
                    return "\\W";
                if (inClass)
                    this.fail('uses "\\W" inside a character class; write (?:[...]|\\W) instead');
                return `[^${WORD}]`;
            case "b":
                // Inside a class Python's \b is a backspace, as in JS.
                return inClass ? "\\x08" : this.ascii ? "\\b" : WORD_BOUNDARY;
            case "B":
            case "A":
            case "Z":
                if (inClass)
                    this.fail(`uses "\\${c}" inside a character class, which Python rejects too`);
                if (c === "B")
                    return this.ascii ? "\\B" : NOT_WORD_BOUNDARY;
                return c === "A" ? "(?<![\\s\\S])" : "(?![\\s\\S])";
            case "x":
                return "\\x" + this.hex(2);
            case "u":
                return "\\u" + this.hex(4);
            case "U":
                return `\\u{${this.hex(8)}}`;
            case "k":
                if (!inClass && src[this.i] === "<")
                    return `(?:\\k<${this.groupName(">")}>)`;
                break;
        }
        if (c >= "0" && c <= "9")
            return this.numericEscape(c, inClass);
        if (/[a-zA-Z]/.test(c))
            this.fail(`uses "\\${c}", which is not a valid escape in a Python regular expression`);
        // Identity escape of punctuation or non-ASCII: u-mode JS only allows it for syntax chars.
        const cp = src.codePointAt(this.i - 1);
        const literal = String.fromCodePoint(cp);
        this.i += literal.length - 1;
        if (SYNTAX_CHARS.includes(literal) || (inClass && literal === "-"))
            return "\\" + literal;
        return literal;
    }
    /** `\0`, `\012`, `\101` are octal characters; `\1`..`\99` are backreferences (Python's rule). */
    numericEscape(first, inClass) {
        const src = this.src;
        const isOctal = (ch) => ch !== undefined && ch >= "0" && ch <= "7";
        if (first === "0" || (isOctal(first) && isOctal(src[this.i]) && isOctal(src[this.i + 1]))) {
            let digits = first;
            while (digits.length < 3 && isOctal(src[this.i]))
                digits += src[this.i++];
            const code = parseInt(digits, 8);
            if (code > 0o377)
                this.fail(`uses the octal escape "\\${digits}", which is out of range`);
            return `\\u{${code.toString(16)}}`;
        }
        if (inClass)
            this.fail(`uses the backreference "\\${first}" inside a character class`);
        let digits = first;
        const next = src[this.i];
        if (next !== undefined && next >= "0" && next <= "9") {
            digits += next;
            this.i++;
        }
        // Grouped so a following literal digit is not read as part of the group number.
        return `(?:\\${digits})`;
    }
    hex(count) {
        const digits = this.src.slice(this.i, this.i + count);
        if (digits.length !== count || !/^[0-9a-fA-F]+$/.test(digits)) {
            this.fail(`has an incomplete hexadecimal escape (expected ${count} hex digits)`);
        }
        this.i += count;
        return digits;
    }
    charClass() {
        const src = this.src;
        let out = "[";
        this.i++;
        if (src[this.i] === "^") {
            out += "^";
            this.i++;
        }
        // A "]" first in a Python class is a literal; in JS "[]" would be the empty class.
        if (src[this.i] === "]") {
            out += "\\]";
            this.i++;
        }
        for (;;) {
            const c = src[this.i];
            if (c === undefined)
                this.fail("has an unterminated character class");
            if (c === "]") {
                this.i++;
                return out + "]";
            }
            if (c === "\\")
                out += this.escape(true);
            else {
                out += c === "[" ? "\\[" : c;
                this.i++;
            }
        }
    }
    groupOpen() {
        const src = this.src;
        if (src[this.i + 1] !== "?") {
            this.i++;
            return "(";
        }
        const at = this.i + 2;
        if (src.startsWith("P<", at)) {
            this.i = at + 2;
            return `(?<${this.groupName(">")}>`;
        }
        if (src.startsWith("P=", at)) {
            this.i = at + 2;
            return `(?:\\k<${this.groupName(")")}>)`;
        }
        for (const kind of [":", "=", "!", "<=", "<!"]) {
            if (src.startsWith(kind, at)) {
                this.i = at + kind.length;
                return "(?" + kind;
            }
        }
        if (src.startsWith("<", at)) {
            this.i = at + 1;
            return `(?<${this.groupName(">")}>`;
        }
        if (src.startsWith("#", at)) {
            const end = src.indexOf(")", at);
            if (end < 0)
                this.fail("has an unterminated (?#...) comment");
            this.i = end + 1;
            return "";
        }
        const construct = /^[a-zA-Z-]+[:)]/.test(src.slice(at)) ? "inline flags that are not at the start" : "the group";
        this.fail(`uses ${construct} "${src.slice(this.i, this.i + 4)}...", which is not supported; rewrite it without`);
    }
    /** Reads a group name up to `terminator` (consumed), validating it as an identifier. */
    groupName(terminator) {
        const src = this.src;
        if (src[this.i] === "<")
            this.i++;
        const end = src.indexOf(terminator, this.i);
        const name = end < 0 ? "" : src.slice(this.i, end);
        if (!GROUP_NAME.test(name)) {
            this.fail(`has the group name ${JSON.stringify(name)}, which is not a valid identifier`);
        }
        this.i = end + 1;
        return name;
    }
    /** Python reads `{` as a quantifier only when it is one (`{m}`, `{m,}`, `{,n}`, `{m,n}`). */
    brace() {
        QUANTIFIER.lastIndex = this.i;
        const m = this.src[this.i + 1] === "}" ? null : QUANTIFIER.exec(this.src);
        if (m === null) {
            this.i++;
            return "\\{";
        }
        this.i += m[0].length;
        const lo = m[1];
        if (m[2] === undefined)
            return `{${lo}}`;
        return `{${lo === "" ? "0" : lo},${m[3]}}`;
    }
    fail(problem) {
        throw new routing_errors_1.InvalidRoute(this.src, `${problem} (at index ${this.i}).`);
    }
}
//# sourceMappingURL=python-regex.js.map