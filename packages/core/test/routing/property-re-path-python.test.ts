import { spawnSync } from "node:child_process";
import { InvalidRoute, URLRouter, rePath, type Scope } from "@channels-ts/core";
import fc from "fast-check";
import { call, fakeApp } from "./fake-app";

// rePath() takes Python `re` syntax so that Django routing tables copy over unchanged: Python's
// own `re` is the reference. Random patterns and paths go through both, in one Python process; a
// pattern Python refuses must be refused, a pattern rePath() accepts must match as Django's
// RegexPattern.match does (search, or fullmatch for an endpoint ending in "$"), with the same
// remaining path, args and kwargs. rePath() may refuse what Python accepts: the constructs it
// documents as unsupported.

const python = ["python3", "/usr/bin/python3"].find(
  (candidate) => spawnSync(candidate, ["-c", "import re"], { stdio: "ignore" }).status === 0,
);
const describePython = python === undefined ? describe.skip : describe;

const DJANGO_MATCH = String.raw`
import json, re, sys
out = []
for case in json.load(sys.stdin):
    try:
        regex = re.compile(case["pattern"])
    except (re.error, OverflowError, RecursionError) as e:
        out.append({"error": str(e)})
        continue
    results = []
    for path in case["paths"]:
        m = regex.fullmatch(path) if case["pattern"].endswith("$") else regex.search(path)
        if m is None:
            results.append(None)
            continue
        kwargs = m.groupdict()
        args = [] if kwargs else [g or None for g in m.groups()]
        results.append({"remaining": path[m.end():], "args": args,
                        "kwargs": {k: v for k, v in kwargs.items() if v}})
    out.append({"results": results})
json.dump(out, sys.stdout)
`;

interface PythonCase {
  error?: string;
  results?: Array<{ remaining: string; args: Array<string | null>; kwargs: Record<string, string> } | null>;
}

function runPython(cases: Array<{ pattern: string; paths: string[] }>): PythonCase[] {
  const result = spawnSync(python as string, ["-W", "ignore", "-c", DJANGO_MATCH], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 15_000,
  });
  if (result.status !== 0) throw new Error(`python failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout) as PythonCase[];
}

// Python's `$` also matches before a final newline (a documented difference): paths hold none.
// Another difference no translation can remove: a group repeated by a quantifier that matched
// empty text is unset in JavaScript and "" in Python, so both sides read "" as unset.
const pathChar = fc.constantFrom(..."aAbz09_-./é ", "ß", "١", "x");
const anyPath = fc.string({ unit: pathChar, maxLength: 10 });
const pattern = fc.string({
  unit: fc.constantFrom(
    ..."()[]{}?*+|^$.,-:aAbz09_/é",
    "\\w",
    "\\d",
    "\\s",
    "\\W",
    "\\D",
    "\\b",
    "\\B",
    "\\A",
    "\\Z",
    "\\.",
    "\\/",
    "\\-",
    "(?P<g>",
    "(?P<h>",
    "(?P=g)",
    "(?:",
    "(?=",
    "(?!",
    "(?<=a)",
    "(?#note)",
    "(?i)",
    "(?a)",
    "(?s)",
    "[^/]",
    "[a-z]",
    "{2}",
    "{1,3}",
    "{,2}",
    "{2,}",
    "+?",
    "*?",
  ),
  maxLength: 8,
});

describePython("rePath() against Python's re", () => {
  it("refuses what Python refuses, and matches what it accepts exactly as Django does", async () => {
    const seed = Date.now() % 2 ** 31;
    const cases = fc.sample(fc.record({ pattern, paths: fc.array(anyPath, { minLength: 1, maxLength: 5 }) }), {
      numRuns: 1500,
      seed,
    });
    for (const c of cases) {
      // Also the pattern's own literal text, so that matches are not rare.
      c.paths.push(c.pattern.replace(/[^a-z0-9/_-]/gi, ""));
      // What the outermost URLRouter matches: the path without its leading slashes.
      c.paths = c.paths.map((p) => p.replace(/^\/+/, ""));
    }
    const reference = runPython(cases);
    let compared = 0;
    for (const [i, { pattern: text, paths }] of cases.entries()) {
      const expected = reference[i] as PythonCase;
      const app = fakeApp();
      let router;
      try {
        router = URLRouter([rePath(text, app)]);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRoute);
        continue; // refused: Python refused it too, or it is documented as unsupported
      }
      if (expected.error !== undefined) {
        throw new Error(`rePath(${JSON.stringify(text)}) accepts a pattern Python refuses: ${expected.error}`);
      }
      for (const [j, path] of paths.entries()) {
        // Python before 3.14 never matches \B against an empty string; 3.14 does, as JavaScript.
        if (path === "" && text.includes("\\B")) continue;
        const want = expected.results?.[j];
        const got = await call(router, { path: `/${path}` }).then(
          () => app.last(),
          () => null,
        );
        const seen =
          got === null
            ? null
            : {
                remaining: (got as Scope).path_remaining,
                args: ((got as Scope).url_route as { args: unknown[] }).args.map((a) =>
                  a === "" ? null : (a ?? null),
                ),
                kwargs: Object.fromEntries(
                  Object.entries(((got as Scope).url_route as { kwargs: object }).kwargs).filter(([, v]) => v !== ""),
                ),
              };
        // As JSON, so that a failure shows the pattern and the path beside both answers.
        expect(JSON.stringify({ seed, pattern: text, path, match: seen })).toBe(
          JSON.stringify({ seed, pattern: text, path, match: want }),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("patterns the comparison with Python found", () => {
  it.each([
    String.raw`\b{1,3}`,
    String.raw`\B*`,
    String.raw`x\b(?#note)+`,
    String.raw`(?P=g)(?P<g>a)`,
    String.raw`(?P<g>a(?P=g))`,
    String.raw`)(x$`,
    String.raw`a*(?#note)?`,
  ])("refuses %s, as Python does, with InvalidRoute naming it", (text) => {
    expect(() => rePath(text, fakeApp())).toThrow(InvalidRoute);
    expect(() => rePath(text, fakeApp())).toThrow(JSON.stringify(text));
  });

  it.each([
    [String.raw`^(?P<g>a)(?P=g)$`, "aa"],
    [String.raw`^a(?#note)*$`, "aaa"],
    [String.raw`^a*(?#note)$`, "aa"],
    [String.raw`^\bx\b$`, "x"],
  ])("still accepts %s, which matches %s", async (text, path) => {
    const app = fakeApp();
    await call(URLRouter([rePath(text, app)]), { path: `/${path}` });
    expect(app.scopes).toHaveLength(1);
  });
});
