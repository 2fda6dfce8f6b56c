import {
  AllowedHostsOriginValidator,
  AuthMiddlewareStack,
  BaseMiddleware,
  CookieMiddleware,
  login,
  logout,
  OriginValidator,
  SessionMiddlewareStack,
  type ScopeExtras,
} from "../../src/middleware";
import type { Application, Scope } from "../../src/types";
import { fakeConnection, websocketScope } from "./fake-connection";

class TagMiddleware extends BaseMiddleware {
  protected override populateScope(): ScopeExtras {
    return { tag: "inner" };
  }
}

/** An innermost app that logs in and out, i.e. writes to the scope it was given. */
const writingApp: Application = async (scope) => {
  await login(scope, { id: 1 });
  await logout(scope);
  scope["written"] = true;
};

describe("middleware never mutates the caller's scope", () => {
  const stacks: Array<[string, (inner: Application) => Application]> = [
    ["CookieMiddleware", (inner) => CookieMiddleware(inner)],
    ["SessionMiddlewareStack", (inner) => SessionMiddlewareStack(inner, { secret: "s" })],
    ["AuthMiddlewareStack", (inner) => AuthMiddlewareStack(inner, { secret: "s", loadUser: async () => null })],
    [
      "OriginValidator + stack",
      (inner) => OriginValidator(AuthMiddlewareStack(inner, { secret: "s", loadUser: async () => null }), ["*"]),
    ],
    [
      "AllowedHostsOriginValidator + stack",
      (inner) => AllowedHostsOriginValidator(SessionMiddlewareStack(inner, { secret: "s" }), ["*"]),
    ],
    [
      "BaseMiddleware subclass + stack",
      (inner) => new TagMiddleware(AuthMiddlewareStack(inner, { secret: "s", loadUser: async () => null })).asApp(),
    ],
  ];

  it.each(stacks)("%s leaves the outer scope as it was", async (_name, wrap) => {
    const scope: Scope = websocketScope([
      ["cookie", "sessionid=x"],
      ["origin", "http://a.test"],
    ]);
    const snapshot = structuredClone(scope);
    const headersBefore = scope["headers"];
    let innerScope: Scope | undefined;
    await wrap(async (s, r, send) => {
      innerScope = s;
      await (s["session"] === undefined ? undefined : writingApp(s, r, send));
    })(scope, fakeConnection().receive, fakeConnection().send);
    expect(innerScope).toBeDefined();
    expect(innerScope).not.toBe(scope);
    expect(scope).toEqual(snapshot);
    expect(scope["headers"]).toBe(headersBefore);
    expect(Object.keys(scope).sort()).toEqual(Object.keys(snapshot).sort());
  });
});
