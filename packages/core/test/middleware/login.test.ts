import {
  AnonymousUser,
  login,
  logout,
  MemorySessionStore,
  MiddlewareConfigError,
  Session,
  SESSION_USER_ID_KEY,
} from "../../src/middleware";
import type { Scope } from "../../src/types";
import { websocketScope } from "./fake-connection";

async function scopeWithSession(data: Record<string, string | number> = {}) {
  const store = new MemorySessionStore();
  await store.save("original", data, 60);
  const session = new Session(store, "original", 60);
  const scope: Scope = websocketScope([], { session, user: new AnonymousUser() });
  return { scope, session, store };
}

describe("login", () => {
  it("stores the user id, sets scope.user, and cycles the key of an anonymous session", async () => {
    const { scope, session, store } = await scopeWithSession({ cart: "3 apples" });
    const user = { id: 42 };
    await login(scope, user);
    expect(scope["user"]).toBe(user);
    expect(await session.get(SESSION_USER_ID_KEY)).toBe(42);
    expect(await session.get("cart")).toBe("3 apples");
    expect(session.key).not.toBe("original");
    expect(await store.load("original")).toBeNull();
    await session.save();
    expect(await store.load(session.key as string)).toMatchObject({ [SESSION_USER_ID_KEY]: 42, cart: "3 apples" });
  });

  it("can keep the key (e.g. over a WebSocket, whose cookie cannot change)", async () => {
    const { scope, session } = await scopeWithSession();
    await login(scope, { id: 1 }, { cycleKey: false });
    expect(session.key).toBe("original");
  });

  it("flushes a session that belongs to another user", async () => {
    const { scope, session } = await scopeWithSession({ [SESSION_USER_ID_KEY]: 1, secret: "of user 1" });
    await login(scope, { id: 2 });
    expect(await session.has("secret")).toBe(false);
    expect(await session.get(SESSION_USER_ID_KEY)).toBe(2);
  });

  it("keeps the session of the same user logging in again", async () => {
    const { scope, session } = await scopeWithSession({ [SESSION_USER_ID_KEY]: "5", theme: "dark" });
    await login(scope, { id: 5 });
    expect(await session.get("theme")).toBe("dark");
    expect(session.key).toBe("original");
  });

  it("needs a session", async () => {
    await expect(login(websocketScope(), { id: 1 })).rejects.toThrow(MiddlewareConfigError);
  });
});

describe("logout", () => {
  it("flushes the session and makes scope.user anonymous", async () => {
    const { scope, session, store } = await scopeWithSession({ [SESSION_USER_ID_KEY]: 1 });
    scope["user"] = { id: 1 };
    await logout(scope);
    expect(scope["user"]).toBeInstanceOf(AnonymousUser);
    expect(await session.isEmpty()).toBe(true);
    expect(await store.load("original")).toBeNull();
  });
});
