"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
/** An HTTP application that runs `work` on the session, then answers 200 (or `status`). */
function httpApp(work, status = 200) {
    return async (scope, receive, send) => {
        await receive();
        await work(scope);
        await send({ type: "http.response.start", status, headers: [["content-type", "text/plain"]] });
        await send({ type: "http.response.body", body: new Uint8Array() });
    };
}
async function request(options, work, cookie, status = 200) {
    const app = (0, middleware_1.SessionMiddlewareStack)(httpApp(work, status), options);
    const conn = (0, fake_connection_1.fakeConnection)({ type: "http.request", body: new Uint8Array(), more_body: false });
    await app((0, fake_connection_1.httpScope)(cookie === undefined ? [] : [["cookie", cookie]]), conn.receive, conn.send);
    const start = conn.sent[0];
    const setCookies = start["headers"]
        .filter(([n]) => n === "set-cookie")
        .map(([, v]) => v);
    return { start, setCookies, cookie: setCookies[0]?.split(";")[0] };
}
describe("SessionMiddleware over HTTP", () => {
    it("round-trips a session through the signed cookie", async () => {
        const options = { secret: "s3cret", store: new middleware_1.MemorySessionStore() };
        const first = await request(options, (scope) => scope.session.set("visits", 1));
        expect(first.setCookies).toHaveLength(1);
        expect(first.setCookies[0]).toMatch(/^sessionid=[^;]+; Max-Age=1209600; Expires=.*; Path=\/; HttpOnly; SameSite=Lax$/);
        expect(first.start["headers"]).toContainEqual(["content-type", "text/plain"]);
        let seen;
        const second = await request(options, async (scope) => {
            seen = await scope.session.get("visits");
        }, first.cookie);
        expect(seen).toBe(1);
        expect(second.setCookies).toEqual([]);
    });
    it("adds no Set-Cookie when the session was only read", async () => {
        const store = new middleware_1.MemorySessionStore();
        const { setCookies } = await request({ secret: "s", store }, async (scope) => {
            await scope.session.get("anything");
        });
        expect(setCookies).toEqual([]);
        expect(store.size).toBe(0);
    });
    it("gives a forged or garbage cookie an empty new session, without error", async () => {
        const options = { secret: "s3cret", store: new middleware_1.MemorySessionStore() };
        const { cookie } = await request(options, (scope) => scope.session.set("user", "ada"));
        const forged = cookie.slice(0, -3) + "AAA";
        for (const bad of [
            forged,
            "sessionid=garbage",
            "sessionid=%zz",
            `sessionid=${new middleware_1.CookieSigner("other").sign("k")}`,
        ]) {
            let state = [];
            await request(options, async (scope) => {
                state = [await scope.session.isEmpty(), scope.session.key];
            }, bad);
            expect(state).toEqual([true, null]);
        }
    });
    it("accepts cookies signed with an older secret and re-signs with the first", async () => {
        const store = new middleware_1.MemorySessionStore();
        const { cookie } = await request({ secret: "old", store }, (scope) => scope.session.set("n", 1));
        const rotated = await request({ secret: ["new", "old"], store }, async (scope) => {
            await scope.session.set("n", (await scope.session.get("n")) + 1);
        }, cookie);
        const value = (0, middleware_1.parseCookies)(rotated.cookie)["sessionid"];
        expect(new middleware_1.CookieSigner("new").unsign(value)).not.toBeNull();
        expect(new middleware_1.CookieSigner("old").unsign(value)).toBeNull();
        let n;
        await request({ secret: "new", store }, async (scope) => {
            n = await scope.session.get("n");
        }, rotated.cookie);
        expect(n).toBe(2);
    });
    it("clears the cookie and the stored session when the session was emptied", async () => {
        const store = new middleware_1.MemorySessionStore();
        const { cookie } = await request({ secret: "s", store }, (scope) => scope.session.set("a", 1));
        expect(store.size).toBe(1);
        const { setCookies } = await request({ secret: "s", store }, (scope) => scope.session.flush(), cookie);
        expect(setCookies).toEqual([
            "sessionid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
        ]);
        expect(store.size).toBe(0);
    });
    it("does not save on a 500 response", async () => {
        const store = new middleware_1.MemorySessionStore();
        const { setCookies } = await request({ secret: "s", store }, (scope) => scope.session.set("a", 1), undefined, 500);
        expect(setCookies).toEqual([]);
        expect(store.size).toBe(0);
    });
    it("applies cookie options", async () => {
        const options = {
            secret: "s",
            cookieName: "sid",
            maxAgeSeconds: 60,
            domain: "example.com",
            secure: true,
            sameSite: "Strict",
        };
        const { setCookies } = await request(options, (scope) => scope.session.set("a", 1));
        expect(setCookies[0]).toMatch(/^sid=.*; Max-Age=60; .*; Domain=example\.com; Path=\/; Secure; HttpOnly; SameSite=Strict$/);
    });
});
describe("SessionMiddleware over WebSocket", () => {
    it("saves only when the application calls save(), and never sends a cookie", async () => {
        const store = new middleware_1.MemorySessionStore();
        const app = (0, middleware_1.SessionMiddlewareStack)(async (scope, receive, send) => {
            await receive();
            await scope.session.set("room", "lobby");
            await send({ type: "websocket.accept" });
            expect(store.size).toBe(0);
            await scope.session.save();
        }, { secret: "s", store });
        const conn = (0, fake_connection_1.fakeConnection)({ type: "websocket.connect" });
        await app((0, fake_connection_1.websocketScope)(), conn.receive, conn.send);
        expect(conn.sent).toEqual([{ type: "websocket.accept" }]);
        expect(store.size).toBe(1);
    });
    it("reads the session of the cookie sent with the handshake", async () => {
        const store = new middleware_1.MemorySessionStore();
        await store.save("key1", { user: "ada" }, 60);
        const cookie = `sessionid=${new middleware_1.CookieSigner("s").sign("key1")}`;
        let user;
        const app = (0, middleware_1.SessionMiddlewareStack)(async (scope) => {
            user = await scope.session.get("user");
        }, { secret: "s", store });
        await app((0, fake_connection_1.websocketScope)([["cookie", cookie]]), (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(user).toBe("ada");
    });
});
describe("SessionMiddleware configuration", () => {
    it("shares one default store between stacks built separately", async () => {
        const { cookie } = await request({ secret: "shared" }, (scope) => scope.session.set("from", "first stack"));
        let seen;
        await request({ secret: "shared" }, async (scope) => {
            seen = await scope.session.get("from");
        }, cookie);
        expect(seen).toBe("first stack");
    });
    it("requires CookieMiddleware above it", async () => {
        const app = (0, middleware_1.SessionMiddleware)((0, fake_connection_1.scopeRecorder)().app, { secret: "s" });
        await expect(app((0, fake_connection_1.httpScope)(), (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send)).rejects.toThrow(middleware_1.MiddlewareConfigError);
    });
    it("passes an outer session through untouched", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const outer = new middleware_1.Session(new middleware_1.MemorySessionStore(), null, 60);
        await (0, middleware_1.SessionMiddlewareStack)(app, { secret: "s" })((0, fake_connection_1.httpScope)([], { session: outer }), (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(seen[0]?.["session"]).toBe(outer);
    });
    it("rejects bad options at construction", () => {
        const app = (0, fake_connection_1.scopeRecorder)().app;
        expect(() => (0, middleware_1.SessionMiddleware)(app, { secret: "" })).toThrow(middleware_1.MiddlewareConfigError);
        expect(() => (0, middleware_1.SessionMiddleware)(app, { secret: "s", maxAgeSeconds: 0 })).toThrow(/maxAgeSeconds/);
        expect(() => (0, middleware_1.SessionMiddleware)(app, { secret: "s", cookieName: "bad name" })).toThrow(/bad name/);
        expect(() => (0, middleware_1.SessionMiddleware)(app, { secret: "s", sameSite: "None" })).toThrow(/secure/);
    });
    it("returns a named function", () => {
        expect((0, middleware_1.SessionMiddleware)((0, fake_connection_1.scopeRecorder)().app, { secret: "s" }).name).toBe("sessionMiddleware");
    });
});
//# sourceMappingURL=session-middleware.test.js.map