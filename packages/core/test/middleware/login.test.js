"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
async function scopeWithSession(data = {}) {
    const store = new middleware_1.MemorySessionStore();
    await store.save("original", data, 60);
    const session = new middleware_1.Session(store, "original", 60);
    const scope = (0, fake_connection_1.websocketScope)([], { session, user: new middleware_1.AnonymousUser() });
    return { scope, session, store };
}
describe("login", () => {
    it("stores the user id, sets scope.user, and cycles the key of an anonymous session", async () => {
        const { scope, session, store } = await scopeWithSession({ cart: "3 apples" });
        const user = { id: 42 };
        await (0, middleware_1.login)(scope, user);
        expect(scope["user"]).toBe(user);
        expect(await session.get(middleware_1.SESSION_USER_ID_KEY)).toBe(42);
        expect(await session.get("cart")).toBe("3 apples");
        expect(session.key).not.toBe("original");
        expect(await store.load("original")).toBeNull();
        await session.save();
        expect(await store.load(session.key)).toMatchObject({ [middleware_1.SESSION_USER_ID_KEY]: 42, cart: "3 apples" });
    });
    it("can keep the key (e.g. over a WebSocket, whose cookie cannot change)", async () => {
        const { scope, session } = await scopeWithSession();
        await (0, middleware_1.login)(scope, { id: 1 }, { cycleKey: false });
        expect(session.key).toBe("original");
    });
    it("flushes a session that belongs to another user", async () => {
        const { scope, session } = await scopeWithSession({ [middleware_1.SESSION_USER_ID_KEY]: 1, secret: "of user 1" });
        await (0, middleware_1.login)(scope, { id: 2 });
        expect(await session.has("secret")).toBe(false);
        expect(await session.get(middleware_1.SESSION_USER_ID_KEY)).toBe(2);
    });
    it("keeps the session of the same user logging in again", async () => {
        const { scope, session } = await scopeWithSession({ [middleware_1.SESSION_USER_ID_KEY]: "5", theme: "dark" });
        await (0, middleware_1.login)(scope, { id: 5 });
        expect(await session.get("theme")).toBe("dark");
        expect(session.key).toBe("original");
    });
    it("needs a session", async () => {
        await expect((0, middleware_1.login)((0, fake_connection_1.websocketScope)(), { id: 1 })).rejects.toThrow(middleware_1.MiddlewareConfigError);
    });
});
describe("logout", () => {
    it("flushes the session and makes scope.user anonymous", async () => {
        const { scope, session, store } = await scopeWithSession({ [middleware_1.SESSION_USER_ID_KEY]: 1 });
        scope["user"] = { id: 1 };
        await (0, middleware_1.logout)(scope);
        expect(scope["user"]).toBeInstanceOf(middleware_1.AnonymousUser);
        expect(await session.isEmpty()).toBe(true);
        expect(await store.load("original")).toBeNull();
    });
});
//# sourceMappingURL=login.test.js.map