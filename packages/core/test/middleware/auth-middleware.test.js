"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
const users = new Map([[7, { id: 7, name: "ada" }]]);
const loadUser = async (id) => users.get(Number(id)) ?? null;
async function userSeen(app, scope, seen) {
    const conn = (0, fake_connection_1.fakeConnection)();
    await app(scope, conn.receive, conn.send);
    return seen[seen.length - 1]?.["user"];
}
async function sessionWith(data) {
    const store = new middleware_1.MemorySessionStore();
    await store.save("k", data, 60);
    return new middleware_1.Session(store, "k", 60);
}
describe("AuthMiddleware with the session resolver", () => {
    it("loads the user whose id login() stored in the session", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const session = await sessionWith({ [middleware_1.SESSION_USER_ID_KEY]: 7 });
        const user = await userSeen((0, middleware_1.AuthMiddleware)(app, { loadUser }), (0, fake_connection_1.websocketScope)([], { session }), seen);
        expect(user).toEqual({ id: 7, name: "ada" });
        expect((0, middleware_1.isAuthenticated)(user)).toBe(true);
    });
    it("gives an AnonymousUser for an empty session or an unknown id", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const mw = (0, middleware_1.AuthMiddleware)(app, { loadUser });
        const empty = await userSeen(mw, (0, fake_connection_1.websocketScope)([], { session: await sessionWith({}) }), seen);
        const unknown = await userSeen(mw, (0, fake_connection_1.websocketScope)([], { session: await sessionWith({ [middleware_1.SESSION_USER_ID_KEY]: 99 }) }), seen);
        for (const user of [empty, unknown]) {
            expect(user).toBeInstanceOf(middleware_1.AnonymousUser);
            expect(user.isAuthenticated).toBe(false);
            expect((0, middleware_1.isAuthenticated)(user)).toBe(false);
        }
    });
    it("ends the session when the user's auth hash changed since login", async () => {
        users.set(8, { id: 8, name: "bob", sessionAuthHash: "new-password-hash" });
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const session = await sessionWith({ [middleware_1.SESSION_USER_ID_KEY]: 8, [middleware_1.SESSION_USER_HASH_KEY]: "old-password-hash" });
        const user = await userSeen((0, middleware_1.AuthMiddleware)(app, { loadUser }), (0, fake_connection_1.websocketScope)([], { session }), seen);
        expect(user).toBeInstanceOf(middleware_1.AnonymousUser);
        expect(await session.isEmpty()).toBe(true);
    });
    it("requires a session in the scope", async () => {
        const app = (0, middleware_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, { loadUser });
        await expect(app((0, fake_connection_1.websocketScope)(), (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send)).rejects.toThrow(/SessionMiddlewareStack/);
    });
});
describe("AuthMiddleware with a custom resolver", () => {
    it("uses resolveUser and needs no session", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const resolveUser = async (scope) => (scope["query_string"] === "token=ok" ? { id: "t1" } : null);
        const mw = (0, middleware_1.AuthMiddleware)(app, { resolveUser });
        expect(await userSeen(mw, (0, fake_connection_1.websocketScope)([], { query_string: "token=ok" }), seen)).toEqual({ id: "t1" });
        expect(await userSeen(mw, (0, fake_connection_1.websocketScope)([], { query_string: "token=no" }), seen)).toBeInstanceOf(middleware_1.AnonymousUser);
    });
    it("leaves a user set by an outer middleware alone", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const resolveUser = jest.fn(async () => ({ id: 1 }));
        const outer = { id: "outer" };
        expect(await userSeen((0, middleware_1.AuthMiddleware)(app, { resolveUser }), (0, fake_connection_1.websocketScope)([], { user: outer }), seen)).toBe(outer);
        expect(resolveUser).not.toHaveBeenCalled();
    });
    it("refuses options with neither loadUser nor resolveUser", () => {
        // @ts-expect-error: the options must name loadUser or resolveUser
        expect(() => (0, middleware_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, {})).toThrow(middleware_1.MiddlewareConfigError);
    });
    it("types scope.user for the inner application", async () => {
        let name = "";
        const app = (0, middleware_1.AuthMiddleware)(async (scope) => {
            if ((0, middleware_1.isAuthenticated)(scope.user))
                name = scope.user.name;
        }, { resolveUser: async () => ({ id: 1, name: "typed" }) });
        await app((0, fake_connection_1.websocketScope)(), (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(name).toBe("typed");
    });
    it("AuthMiddlewareStack needs only a secret and loadUser", () => {
        expect((0, middleware_1.AuthMiddlewareStack)((0, fake_connection_1.scopeRecorder)().app, { secret: "s", loadUser }).name).toBe("cookieMiddleware");
        expect((0, middleware_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, { loadUser }).name).toBe("authMiddleware");
    });
});
//# sourceMappingURL=auth-middleware.test.js.map