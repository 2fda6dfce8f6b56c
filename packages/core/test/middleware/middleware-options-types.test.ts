import {
  AuthMiddleware,
  AuthMiddlewareStack,
  MiddlewareConfigError,
  SessionMiddlewareStack,
  type User,
} from "@channels-ts/core";
import { scopeRecorder } from "./fake-connection";

const loadUser = async (id: string | number): Promise<User | null> => ({ id });
const resolveUser = async (): Promise<User | null> => null;

// Every call the runtime refuses is also refused by the compiler (checked by `npm run typecheck`).
describe("AuthMiddleware options name exactly one way to find the user", () => {
  it("AuthMiddlewareStack with only a secret does not compile, and throws", () => {
    // @ts-expect-error: loadUser or resolveUser is required
    expect(() => AuthMiddlewareStack(scopeRecorder().app, { secret: "s" })).toThrow(MiddlewareConfigError);
  });

  it("both loadUser and resolveUser do not compile, and throw rather than ignoring one", () => {
    // @ts-expect-error: one of loadUser and resolveUser, not both
    expect(() => AuthMiddleware(scopeRecorder().app, { loadUser, resolveUser })).toThrow(/both/);
    expect(() =>
      // @ts-expect-error: one of loadUser and resolveUser, not both
      AuthMiddlewareStack(scopeRecorder().app, { secret: "s", loadUser, resolveUser }),
    ).toThrow(MiddlewareConfigError);
  });

  it("a resolver that is not a function does not compile, and throws naming it", () => {
    // @ts-expect-error: loadUser is a function
    expect(() => AuthMiddleware(scopeRecorder().app, { loadUser: "users" })).toThrow(/loadUser string/);
  });

  it("either one alone compiles and builds the middleware", () => {
    expect(AuthMiddleware(scopeRecorder().app, { loadUser }).name).toBe("authMiddleware");
    expect(AuthMiddleware(scopeRecorder().app, { resolveUser }).name).toBe("authMiddleware");
    expect(AuthMiddlewareStack(scopeRecorder().app, { secret: "s", resolveUser }).name).toBe("cookieMiddleware");
  });
});

describe("SessionMiddleware's secret is never empty", () => {
  it("an empty list of secrets does not compile, and throws", () => {
    // @ts-expect-error: at least one secret
    expect(() => SessionMiddlewareStack(scopeRecorder().app, { secret: [] })).toThrow(MiddlewareConfigError);
  });

  it("one secret, or a list for rotation, compiles", () => {
    expect(SessionMiddlewareStack(scopeRecorder().app, { secret: ["new", "old"] }).name).toBe("cookieMiddleware");
  });
});
