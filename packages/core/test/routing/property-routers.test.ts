import {
  ChannelNameRouter,
  InvalidRoute,
  ProtocolTypeRouter,
  RouteNotFound,
  URLRouter,
  UnknownChannelName,
  UnknownProtocolType,
  decodePath,
  path,
  rePath,
  type Application,
  type Route,
  type Scope,
} from "@channels-ts/core";
import fc from "fast-check";
import { call, fakeApp, receive, send } from "./fake-app";

// Random paths and patterns through every router: a route either matches as a simple reference
// says, or the router rejects with its one documented error; a pattern is either accepted or
// refused at construction with InvalidRoute naming it. Nothing else is ever thrown.

/** Any text a decoded path can hold: slashes, percent signs, Unicode, lone surrogates. */
const anyPath = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ unit: fc.constantFrom("/", "a", "room", "chat", "1", "-", "_", "%", "é", "\n", "."), maxLength: 10 }),
);

/** What the outermost URLRouter routes on: the path without its leading slashes. */
function routed(p: string): string {
  return p.replace(/^\/+/, "");
}

/** Calls `router` with `scope` and says what happened: the scope the app got, or the error. */
async function route(router: Application, scope: Record<string, unknown>, app: ReturnType<typeof fakeApp>) {
  const before = app.scopes.length;
  try {
    await call(router, scope);
  } catch (error) {
    expect(app.scopes.length).toBe(before);
    return { error };
  }
  expect(app.scopes.length).toBe(before + 1);
  return { scope: app.last() };
}

function kwargsOf(scope: Scope): Record<string, unknown> {
  return (scope.url_route as { kwargs: Record<string, unknown> }).kwargs;
}

describe("URLRouter against a reference, for random paths", () => {
  it('path("room/<str:name>/") matches exactly room/<non-empty, no slash>/ and captures it', async () => {
    const app = fakeApp();
    const router = URLRouter([path("room/<str:name>/", app)]);
    const roomPath = fc.oneof(
      anyPath,
      anyPath.map((name) => `/room/${name}/`),
    );
    await fc.assert(
      fc.asyncProperty(roomPath, async (p) => {
        const r = routed(p);
        const name = r.slice("room/".length, -1);
        const expected = r.startsWith("room/") && r.endsWith("/") && name !== "" && !name.includes("/");
        const outcome = await route(router, { path: p }, app);
        if (expected) {
          expect(outcome.error).toBeUndefined();
          expect(kwargsOf(outcome.scope as Scope)).toEqual({ name });
          expect((outcome.scope as Scope).path_remaining).toBe("");
        } else {
          expect(outcome.error).toBeInstanceOf(RouteNotFound);
          expect((outcome.error as RouteNotFound).path).toBe(p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('path("n/<int:id>/") captures safe integers as numbers and refuses everything else', async () => {
    const app = fakeApp();
    const router = URLRouter([path("n/<int:id>/", app)]);
    const digits = fc.oneof(
      fc.nat().map(String),
      fc.string({ unit: fc.constantFrom("0", "1", "9"), minLength: 1, maxLength: 20 }),
      anyPath,
    );
    await fc.assert(
      fc.asyncProperty(digits, async (raw) => {
        const expected = /^[0-9]+$/.test(raw) && Number.isSafeInteger(Number(raw));
        const outcome = await route(router, { path: `/n/${raw}/` }, app);
        if (expected) expect(kwargsOf(outcome.scope as Scope)).toEqual({ id: Number(raw) });
        else expect(outcome.error).toBeInstanceOf(RouteNotFound);
      }),
      { numRuns: 300 },
    );
  });

  it("a nested URLRouter sees the rest of the path, and a miss inside it is RouteNotFound", async () => {
    const app = fakeApp();
    const router = URLRouter([path("chat/", URLRouter([path("<slug:room>/", app)]))]);
    const chatPath = fc.oneof(
      anyPath,
      anyPath.map((rest) => `/chat/${rest}`),
    );
    await fc.assert(
      fc.asyncProperty(chatPath, async (p) => {
        const r = routed(p);
        const rest = routed(r.slice("chat/".length));
        const expected = r.startsWith("chat/") && /^[-a-zA-Z0-9_]+\/$/.test(rest);
        const outcome = await route(router, { path: p }, app);
        if (expected) expect(kwargsOf(outcome.scope as Scope)).toEqual({ room: rest.slice(0, -1) });
        else expect(outcome.error).toBeInstanceOf(RouteNotFound);
      }),
      { numRuns: 300 },
    );
  });
});

/** One slash-separated segment of a generated route: literal text or one parameter. */
type Segment = { literal: string } | { converter: "str" | "int" | "slug" | "uuid" | "path"; name: string };

const literalSegment = fc
  .string({ unit: fc.constantFrom("a", "z", "0", "-", "_", ".", "~", "é", "+", "*", "(", "$", "?", "|"), maxLength: 5 })
  .map((literal): Segment => ({ literal }));
const paramSegment = fc
  .record({
    converter: fc.constantFrom("str" as const, "int" as const, "slug" as const, "uuid" as const),
    name: fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/),
  })
  .map((p): Segment => p);

/** A route of literal and parameter segments, the parameters uniquely named, maybe a final <path:...>. */
const generatedRoute = fc
  .tuple(fc.array(fc.oneof(literalSegment, paramSegment), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([segments, endsWithPath, trailingSlash]) => {
    const seen = new Set<string>();
    const unique = segments.filter((s) => {
      if (!("name" in s)) return true;
      if (seen.has(s.name)) return false;
      seen.add(s.name);
      return true;
    });
    if (endsWithPath && !seen.has("rest")) unique.push({ converter: "path", name: "rest" });
    // A route never starts with "/": the first segment is not an empty literal.
    if ("literal" in unique[0]! && unique[0].literal === "") unique[0] = { literal: "x" };
    return { segments: unique, trailingSlash };
  })
  .filter(({ segments, trailingSlash }) => {
    const text = segments.map(writeSegment).join("/") + (trailingSlash ? "/" : "");
    return !text.startsWith("/");
  });

function writeSegment(s: Segment): string {
  return "literal" in s ? s.literal : `<${s.converter}:${s.name}>`;
}

const hex = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: n, maxLength: n });
const valueFor: Record<"str" | "int" | "slug" | "uuid" | "path", fc.Arbitrary<string>> = {
  str: fc.string({ unit: "binary", minLength: 1, maxLength: 6 }).filter((v) => !v.includes("/")),
  int: fc.nat({ max: 10 ** 9 }).map(String),
  slug: fc.stringMatching(/^[-a-zA-Z0-9_]{1,6}$/),
  uuid: fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join("-")),
  // Python's (and so the converter's) "." excludes only the newline.
  path: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }).filter((v) => !v.includes("\n")),
};

describe("random path() routes", () => {
  it("a path built from the route's own parts matches it and captures exactly those values", async () => {
    const routeAndValues = generatedRoute.chain(({ segments, trailingSlash }) =>
      fc
        .tuple(...segments.map((s) => ("literal" in s ? fc.constant(s.literal) : valueFor[s.converter])))
        .map((values) => ({ segments, trailingSlash, values })),
    );
    await fc.assert(
      fc.asyncProperty(routeAndValues, async ({ segments, trailingSlash, values }) => {
        const suffix = trailingSlash ? "/" : "";
        const app = fakeApp();
        const router = URLRouter([path(segments.map(writeSegment).join("/") + suffix, app)]);
        const outcome = await route(router, { path: `/${values.join("/")}${suffix}` }, app);
        const expected: Record<string, unknown> = {};
        segments.forEach((s, i) => {
          if ("name" in s) expected[s.name] = s.converter === "int" ? Number(values[i]) : values[i];
        });
        expect(outcome.error).toBeUndefined();
        expect(kwargsOf(outcome.scope as Scope)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("any route text is either a working route or InvalidRoute naming it; routing it throws only RouteNotFound", async () => {
    const routeText = fc.string({
      unit: fc.constantFrom("<", ">", ":", "str", "int", "path", "slug", "uuid", "nope", "a", "_", "/", " ", "é", "("),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(routeText, fc.array(anyPath, { maxLength: 4 }), async (text, paths) => {
        const app = fakeApp();
        let made: Route;
        try {
          made = path(text as string, app);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRoute);
          expect((error as Error).message).toContain(JSON.stringify(text));
          return;
        }
        const router = URLRouter([made]);
        for (const p of paths) {
          const outcome = await route(router, { path: p }, app);
          if (outcome.error !== undefined) expect(outcome.error).toBeInstanceOf(RouteNotFound);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("random rePath() patterns", () => {
  const regexText = fc.string({
    unit: fc.constantFrom(
      ..."()[]{}?*+|\\^$.,-:<>=!#/aPbdwsSWDAZ019_é",
      "(?P<g>",
      "(?P=g)",
      "(?<n>",
      "\\k<n>",
      "(?i)",
      "(?x)",
      "(?:",
      "(?=",
      "(?#c)",
      "{2,}",
      "{,3}",
    ),
    maxLength: 10,
  });

  it("a Python pattern is either accepted or InvalidRoute naming it; routing it throws only RouteNotFound", async () => {
    await fc.assert(
      fc.asyncProperty(regexText, fc.array(anyPath, { maxLength: 4 }), async (text, paths) => {
        const app = fakeApp();
        let made: Route;
        try {
          made = rePath(text as string, app);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRoute);
          expect((error as Error).message).toContain(JSON.stringify(text));
          return;
        }
        const router = URLRouter([made]);
        for (const p of paths) {
          const outcome = await route(router, { path: p }, app);
          if (outcome.error !== undefined) expect(outcome.error).toBeInstanceOf(RouteNotFound);
          else expect((outcome.scope as Scope).url_route).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a JavaScript RegExp routes like RegExp#exec on the routed path", async () => {
    const jsRegex = regexText.map((text) => {
      try {
        return new RegExp(text, "u");
      } catch {
        return undefined;
      }
    });
    await fc.assert(
      fc.asyncProperty(jsRegex, fc.array(anyPath, { maxLength: 4 }), async (regex, paths) => {
        if (regex === undefined || /^\^\\?\//.test(regex.source)) return;
        const app = fakeApp();
        const router = URLRouter([rePath(regex, app)]);
        for (const p of paths) {
          const outcome = await route(router, { path: p }, app);
          // Not an endpoint anchor unless it ends in $: a search, as Django's RegexPattern.match.
          const reference = regex.source.endsWith("$")
            ? new RegExp(`^(?:${regex.source})$`, regex.flags).exec(routed(p))
            : regex.exec(routed(p));
          if (reference === null) expect(outcome.error).toBeInstanceOf(RouteNotFound);
          else
            expect((outcome.scope as Scope).path_remaining).toBe(
              routed(p).slice(reference.index + reference[0].length),
            );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("ProtocolTypeRouter and ChannelNameRouter with random names", () => {
  const name = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "http",
      "websocket",
      "channel",
      "lifespan",
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
    ),
  );

  it("ProtocolTypeRouter calls the configured type's application and refuses others with UnknownProtocolType", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(name, { maxLength: 4 }), name, async (configured, type) => {
        const apps = new Map(configured.map((t) => [t, fakeApp()]));
        const router = ProtocolTypeRouter(Object.fromEntries(apps));
        const error = await router({ type } as Scope, receive, send).then(
          () => undefined,
          (e: unknown) => e,
        );
        const app = apps.get(type);
        if (app !== undefined) {
          expect(error).toBeUndefined();
          expect(app.scopes).toHaveLength(1);
        } else {
          expect(error).toBeInstanceOf(UnknownProtocolType);
          expect((error as Error).message).toContain(JSON.stringify(type));
        }
        for (const [t, other] of apps) if (t !== type) expect(other.scopes).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });

  it("ChannelNameRouter calls the configured channel's application and refuses others with UnknownChannelName", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(name, { maxLength: 4 }), name, async (configured, channel) => {
        const apps = new Map(configured.map((c) => [c, fakeApp()]));
        const router = ChannelNameRouter(Object.fromEntries(apps));
        const error = await router({ type: "channel", channel } as Scope, receive, send).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (apps.has(channel)) expect(error).toBeUndefined();
        else {
          expect(error).toBeInstanceOf(UnknownChannelName);
          expect((error as Error).message).toContain(JSON.stringify(channel));
        }
        for (const [c, app] of apps) expect(app.scopes).toHaveLength(c === channel ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decodePath, which makes the path every router sees", () => {
  it("never throws, and undoes encodeURIComponent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (raw) => {
        expect(typeof decodePath(raw)).toBe("string");
        expect(typeof decodePath(raw, "latin1")).toBe("string");
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (text) => {
        expect(decodePath(encodeURIComponent(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
