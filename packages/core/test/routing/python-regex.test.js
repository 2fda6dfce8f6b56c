"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const python_regex_1 = require("../../src/routing/python-regex");
function js(pattern) {
    const { source, flags } = (0, python_regex_1.translatePythonRegex)(pattern);
    return new RegExp(source, flags);
}
describe("translatePythonRegex", () => {
    it("rewrites Python group syntax to JS", () => {
        expect((0, python_regex_1.translatePythonRegex)("(?P<a>x)(?P=a)").source).toBe(String.raw `(?<a>x)(?:\k<a>)`);
    });
    it("reads a ']' first in a class as a literal, as Python does", () => {
        expect(js("^[]a]+$").test("]a]")).toBe(true);
        expect(js("^[^]]$").test("x")).toBe(true);
        expect(js("^[^]]$").test("]")).toBe(false);
    });
    it("reads octal, \\x, \\u and \\U escapes", () => {
        expect(js(String.raw `^\101\x42\u0043\U0001F600\0$`).test("ABC\u{1F600}\0")).toBe(true);
    });
    it("keeps numbered backreferences separate from following digits", () => {
        // Python reads at most two digits: \128 is group 12 followed by a literal "8".
        const twelveGroups = "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)";
        expect(js(`^${twelveGroups}\\128$`).test("abcdefghijkll8")).toBe(true);
    });
    it("treats escaped punctuation as literal and keeps \\- inside classes", () => {
        expect(js(String.raw `^\-\#\:[\w\-]+$`).test("-#:a-b")).toBe(true);
    });
    it("implements \\A, \\Z and a Unicode \\b", () => {
        expect(js(String.raw `\Aé\b`).test("é!")).toBe(true);
        expect(js(String.raw `\Aé\b`).test("éa")).toBe(false);
        expect(js(String.raw `a\Z`).test("ba")).toBe(true);
    });
    it("maps leading flags and rejects ones JS lacks", () => {
        expect((0, python_regex_1.translatePythonRegex)("(?ims)x").flags).toBe("imsu");
        expect(() => (0, python_regex_1.translatePythonRegex)("(?L)x")).toThrow(core_1.InvalidRoute);
    });
    it("rejects conditionals, atomic groups, stray backslashes and \\W inside classes", () => {
        expect(() => (0, python_regex_1.translatePythonRegex)("(a)(?(1)b|c)")).toThrow(/not supported/);
        expect(() => (0, python_regex_1.translatePythonRegex)("(?>a)")).toThrow(/not supported/);
        expect(() => (0, python_regex_1.translatePythonRegex)("a\\")).toThrow(/lone backslash/);
        expect(() => (0, python_regex_1.translatePythonRegex)(String.raw `[\W]`)).toThrow(/\\W/);
        expect(() => (0, python_regex_1.translatePythonRegex)("[abc")).toThrow(/unterminated/);
    });
});
//# sourceMappingURL=python-regex.test.js.map