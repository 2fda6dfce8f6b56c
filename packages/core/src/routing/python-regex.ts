import { InvalidRoute } from "./routing-errors";

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

const WORD = String.raw`\p{L}\p{N}_`;
const WORD_BOUNDARY = String.raw`(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const NOT_WORD_BOUNDARY = String.raw`(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
/** Characters that may (and, if literal, must) be escaped in a `u`-mode JS pattern. */
const SYNTAX_CHARS = "^$\\.*+?()[]{}|/";
const GROUP_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const LEADING_FLAGS = /^\(\?([a-zA-Z]+)\)/;
const QUANTIFIER = /\{(\d*)(?:(,)(\d*))?\}/y;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: "\\x07",
  f: "\\f",
  n: "\\n",
  r: "\\r",
  t: "\\t",
  v: "\\v",
  s: "\\s",
  S: "\\S",
};

export function translatePythonRegex(pattern: string): TranslatedRegex {
  return new Translator(pattern).run();
}

class Translator {
  private i = 0;
  private ascii = false;
  private dotAll = false;
  private readonly flags = new Set<string>(["u"]);
  /** Names of the groups open at `i` (undefined for unnamed ones), and of those already closed. */
  private readonly openGroups: Array<string | undefined> = [];
  private readonly closedNames = new Set<string>();
  /** Where the last quantifier (`*`, `+`, `?`, `{m,n}`) ended in the source, to see one through a comment. */
  private quantifierEnd = -1;

  constructor(private readonly src: string) {}

  run(): TranslatedRegex {
    this.readLeadingFlags();
    let out = "";
    const src = this.src;
    while (this.i < src.length) {
      const c = src[this.i] as string;
      if (c === "\\") out += this.escape(false);
      else if (c === "[") out += this.charClass();
      else if (c === "(") out += this.groupOpen();
      else if (c === ")") {
        const name = this.openGroups.pop();
        if (name !== undefined) this.closedNames.add(name);
        out += c;
        this.i++;
      } else if (c === "{") out += this.brace();
      else if (c === "}" || c === "]") {
        // Literal in Python; a syntax error in u-mode JS unless escaped.
        out += "\\" + c;
        this.i++;
      } else if (c === "." && !this.dotAll) {
        // Python's `.` excludes only "\n"; JS's also excludes "\r", U+2028 and U+2029.
        out += "[^\\n]";
        this.i++;
      } else {
        out += c;
        this.i++;
        if (c === "*" || c === "+" || c === "?") this.quantifierEnd = this.i;
      }
    }
    return { source: out, flags: [...this.flags].sort().join("") };
  }

  private readLeadingFlags(): void {
    for (;;) {
      const m = LEADING_FLAGS.exec(this.src.slice(this.i));
      if (m === null) return;
      for (const flag of m[1] as string) {
        if (flag === "i" || flag === "m") this.flags.add(flag);
        else if (flag === "s") {
          this.flags.add("s");
          this.dotAll = true;
        } else if (flag === "a") this.ascii = true;
        else if (flag !== "u") {
          this.fail(`uses the inline flag "(?${flag})", which has no JavaScript equivalent; remove it`);
        }
      }
      this.i += m[0].length;
    }
  }

  private escape(inClass: boolean): string {
    const src = this.src;
    this.i++;
    const c = src[this.i];
    if (c === undefined) this.fail("ends with a lone backslash");
    this.i++;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return simple;
    switch (c) {
      case "d":
        return this.ascii ? "\\d" : "\\p{Nd}";
      case "D":
        return this.ascii ? "\\D" : "\\P{Nd}";
      case "w":
        return this.ascii ? "\\w" : inClass ? WORD : `[${WORD}]`;
      case "W":
        if (this.ascii) return "\\W";
        if (inClass) this.fail('uses "\\W" inside a character class; write (?:[...]|\\W) instead');
        return `[^${WORD}]`;
      case "b":
        // Inside a class Python's \b is a backspace, as in JS.
        return inClass ? "\\x08" : this.ascii ? "\\b" : this.assertion(WORD_BOUNDARY, c);
      case "B":
      case "A":
      case "Z":
        if (inClass) this.fail(`uses "\\${c}" inside a character class, which Python rejects too`);
        if (c === "B") return this.ascii ? "\\B" : this.assertion(NOT_WORD_BOUNDARY, c);
        return c === "A" ? "(?<![\\s\\S])" : "(?![\\s\\S])";
      case "x":
        return "\\x" + this.hex(2);
      case "u":
        return "\\u" + this.hex(4);
      case "U":
        return `\\u{${this.hex(8)}}`;
      case "k":
        if (!inClass && src[this.i] === "<") return `(?:\\k<${this.groupName(">")}>)`;
        break;
    }
    if (c >= "0" && c <= "9") return this.numericEscape(c, inClass);
    if (/[a-zA-Z]/.test(c)) this.fail(`uses "\\${c}", which is not a valid escape in a Python regular expression`);
    // Identity escape of punctuation or non-ASCII: u-mode JS only allows it for syntax chars.
    const cp = src.codePointAt(this.i - 1) as number;
    const literal = String.fromCodePoint(cp);
    this.i += literal.length - 1;
    if (SYNTAX_CHARS.includes(literal) || (inClass && literal === "-")) return "\\" + literal;
    return literal;
  }

  /**
   * `\b` / `\B` as a group: unlike the assertion, a JS group may be repeated, so a quantifier after
   * it (which Python refuses: "nothing to repeat") is refused here, not silently accepted.
   */
  private assertion(source: string, c: string): string {
    let at = this.i;
    // A (?#...) comment in between changes nothing: Python drops it before reading the quantifier.
    while (this.src.startsWith("(?#", at) && this.src.indexOf(")", at) > 0) at = this.src.indexOf(")", at) + 1;
    const next = this.src[at];
    QUANTIFIER.lastIndex = at;
    const brace = next === "{" && this.src[at + 1] !== "}" && QUANTIFIER.test(this.src);
    if (next === "*" || next === "+" || next === "?" || brace) {
      this.fail(`repeats "\\${c}", which matches no character: Python refuses it too ("nothing to repeat")`);
    }
    return source;
  }

  /** `\0`, `\012`, `\101` are octal characters; `\1`..`\99` are backreferences (Python's rule). */
  private numericEscape(first: string, inClass: boolean): string {
    const src = this.src;
    const isOctal = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "7";
    if (first === "0" || (isOctal(first) && isOctal(src[this.i]) && isOctal(src[this.i + 1]))) {
      let digits = first;
      while (digits.length < 3 && isOctal(src[this.i])) digits += src[this.i++];
      const code = parseInt(digits, 8);
      if (code > 0o377) this.fail(`uses the octal escape "\\${digits}", which is out of range`);
      return `\\u{${code.toString(16)}}`;
    }
    if (inClass) this.fail(`uses the backreference "\\${first}" inside a character class`);
    let digits = first;
    const next = src[this.i];
    if (next !== undefined && next >= "0" && next <= "9") {
      digits += next;
      this.i++;
    }
    // Grouped so a following literal digit is not read as part of the group number.
    return `(?:\\${digits})`;
  }

  private hex(count: number): string {
    const digits = this.src.slice(this.i, this.i + count);
    if (digits.length !== count || !/^[0-9a-fA-F]+$/.test(digits)) {
      this.fail(`has an incomplete hexadecimal escape (expected ${count} hex digits)`);
    }
    this.i += count;
    return digits;
  }

  private charClass(): string {
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
      if (c === undefined) this.fail("has an unterminated character class");
      if (c === "]") {
        this.i++;
        return out + "]";
      }
      if (c === "\\") out += this.escape(true);
      else {
        out += c === "[" ? "\\[" : c;
        this.i++;
      }
    }
  }

  private groupOpen(): string {
    const src = this.src;
    if (src[this.i + 1] !== "?") {
      this.i++;
      this.openGroups.push(undefined);
      return "(";
    }
    const at = this.i + 2;
    if (src.startsWith("P<", at)) {
      this.i = at + 2;
      return `(?<${this.openNamedGroup()}>`;
    }
    if (src.startsWith("P=", at)) {
      this.i = at + 2;
      const name = this.groupName(")");
      // JS would match a reference to a later or still open group as empty; Python refuses it.
      if (!this.closedNames.has(name)) {
        this.fail(`refers to group ${JSON.stringify(name)} before that group is complete, which Python rejects too`);
      }
      return `(?:\\k<${name}>)`;
    }
    for (const kind of [":", "=", "!", "<=", "<!"]) {
      if (src.startsWith(kind, at)) {
        this.i = at + kind.length;
        this.openGroups.push(undefined);
        return "(?" + kind;
      }
    }
    if (src.startsWith("<", at)) {
      this.i = at + 1;
      return `(?<${this.openNamedGroup()}>`;
    }
    if (src.startsWith("#", at)) {
      const end = src.indexOf(")", at);
      if (end < 0) this.fail("has an unterminated (?#...) comment");
      // Python reads through the comment: "a*(?#c)?" repeats a repeat; elided, it would become a lazy "a*?".
      const afterQuantifier = this.quantifierEnd === this.i;
      this.i = end + 1;
      if (afterQuantifier) {
        if (src[this.i] === "?")
          this.fail('repeats a quantifier through a (?#...) comment ("multiple repeat" in Python)');
        this.quantifierEnd = this.i;
      }
      return "";
    }
    const construct = /^[a-zA-Z-]+[:)]/.test(src.slice(at)) ? "inline flags that are not at the start" : "the group";
    this.fail(`uses ${construct} "${src.slice(this.i, this.i + 4)}...", which is not supported; rewrite it without`);
  }

  private openNamedGroup(): string {
    const name = this.groupName(">");
    this.openGroups.push(name);
    return name;
  }

  /** Reads a group name up to `terminator` (consumed), validating it as an identifier. */
  private groupName(terminator: string): string {
    const src = this.src;
    if (src[this.i] === "<") this.i++;
    const end = src.indexOf(terminator, this.i);
    const name = end < 0 ? "" : src.slice(this.i, end);
    if (!GROUP_NAME.test(name)) {
      this.fail(`has the group name ${JSON.stringify(name)}, which is not a valid identifier`);
    }
    this.i = end + 1;
    return name;
  }

  /** Python reads `{` as a quantifier only when it is one (`{m}`, `{m,}`, `{,n}`, `{m,n}`). */
  private brace(): string {
    QUANTIFIER.lastIndex = this.i;
    const m = this.src[this.i + 1] === "}" ? null : QUANTIFIER.exec(this.src);
    if (m === null) {
      this.i++;
      return "\\{";
    }
    this.i += m[0].length;
    this.quantifierEnd = this.i;
    const lo = m[1] as string;
    if (m[2] === undefined) return `{${lo}}`;
    return `{${lo === "" ? "0" : lo},${m[3] as string}}`;
  }

  private fail(problem: string): never {
    throw new InvalidRoute(this.src, `${problem} (at index ${this.i}).`);
  }
}
