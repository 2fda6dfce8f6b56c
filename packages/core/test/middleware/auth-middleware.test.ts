import {
  AnonymousUser,
  AuthMiddleware,
  AuthMiddlewareStack,
  isAuthenticated,
  MemorySessionStore,
  MiddlewareConfigError,
  Session,
  SESSION_USER_HASH_KEY,
  SESSION_USER_ID_KEY,
  type AuthScope,
} from "../../src/middleware";
import type { Application, Scope } from "../../src/types";
import { fakeConnection, scopeRecorder, websocketScope } from "./fake-connection";

interface AppUser {
  id: number;
  name: string;
  sessionAuthHash?: string;
}

const users = new Map<number, AppUser>([[7, { id: 7, name: "ada" }]]);
const loadUser = async (id: string | number) => users.get(Number(id)) ?? null;

async function userSeen(app: Application, scope: Scope, seen: Scope[]) {
  const conn = fakeConnection();
  await app(scope, conn.receive, conn.send);
  return seen[seen.length - 1]?.["user"];
}

async function sessionWith(data: Record<string, string | number>): Promise<Session> {
  const store = new MemorySessionStore();
  await store.save("k", data, 60);
  return new Session(store, "k", 60);
}

describe("AuthMiddleware with the session resolver", () => {
  it("loads the user whose id login() stored in the session", async () => {
    const { app, seen } = scopeRecorder();
    const session = await sessionWith({ [SESSION_USER_ID_KEY]: 7 });
    const user = await userSeen(AuthMiddleware(app, { loadUser }), websocketScope([], { session }), seen);
    expect(user).toEqual({ id: 7, name: "ada" });
    expect(isAuthenticated(user as AppUser)).toBe(true);
  });

  it("gives an AnonymousUser for an empty session or an unknown id", async () => {
    const { app, seen } = scopeRecorder();
    const mw = AuthMiddleware(app, { loadUser });
    const empty = await userSeen(mw, websocketScope([], { session: await sessionWith({}) }), seen);
    const unknown = await userSeen(
      mw,
      websocketScope([], { session: await sessionWith({ [SESSION_USER_ID_KEY]: 99 }) }),
      seen,
    );
    for (const user of [empty, unknown]) {
      expect(user).toBeInstanceOf(AnonymousUser);
      expect((user as AnonymousUser).isAuthenticated).toBe(false);
      expect(isAuthenticated(user as AnonymousUser)).toBe(false);
    }
  });

  it("ends the session when the user's auth hash changed since login", async () => {
    users.set(8, { id: 8, name: "bob", sessionAuthHash: "new-password-hash" });
    const { app, seen } = scopeRecorder();
    const session = await sessionWith({ [SESSION_USER_ID_KEY]: 8, [SESSION_USER_HASH_KEY]: "old-password-hash" });
    const user = await userSeen(AuthMiddleware(app, { loadUser }), websocketScope([], { session }), seen);
    expect(user).toBeInstanceOf(AnonymousUser);
    expect(await session.isEmpty()).toBe(true);
  });

  it("requires a session in the scope", async () => {
    const app = AuthMiddleware(scopeRecorder().app, { loadUser });
    await expect(app(websocketScope(), fakeConnection().receive, fakeConnection().send)).rejects.toThrow(
      /SessionMiddlewareStack/,
    );
  });
});

describe("AuthMiddleware with a custom resolver", () => {
  it("uses resolveUser and needs no session", async () => {
    const { app, seen } = scopeRecorder();
    const resolveUser = async (scope: Scope) => (scope["query_string"] === "token=ok" ? { id: "t1" } : null);
    const mw = AuthMiddleware(app, { resolveUser });
    expect(await userSeen(mw, websocketScope([], { query_string: "token=ok" }), seen)).toEqual({ id: "t1" });
    expect(await userSeen(mw, websocketScope([], { query_string: "token=no" }), seen)).toBeInstanceOf(AnonymousUser);
  });

  it("leaves a user set by an outer middleware alone", async () => {
    const { app, seen } = scopeRecorder();
    const resolveUser = jest.fn(async () => ({ id: 1 }));
    const outer = { id: "outer" };
    expect(await userSeen(AuthMiddleware(app, { resolveUser }), websocketScope([], { user: outer }), seen)).toBe(outer);
    expect(resolveUser).not.toHaveBeenCalled();
  });

  it("refuses options with neither loadUser nor resolveUser", () => {
    // @ts-expect-error: the options must name loadUser or resolveUser
    expect(() => AuthMiddleware(scopeRecorder().app, {})).toThrow(MiddlewareConfigError);
  });

  it("types scope.user for the inner application", async () => {
    let name = "";
    const app = AuthMiddleware(
      async (scope: AuthScope<AppUser>) => {
        if (isAuthenticated(scope.user)) name = scope.user.name;
      },
      { resolveUser: async () => ({ id: 1, name: "typed" }) },
    );
    await app(websocketScope(), fakeConnection().receive, fakeConnection().send);
    expect(name).toBe("typed");
  });

  it("AuthMiddlewareStack needs only a secret and loadUser", () => {
    expect(AuthMiddlewareStack(scopeRecorder().app, { secret: "s", loadUser }).name).toBe("cookieMiddleware");
    expect(AuthMiddleware(scopeRecorder().app, { loadUser }).name).toBe("authMiddleware");
  });
});
