"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
const ada = { id: 1, name: "ada" };
describe("AuthMiddlewareStack composition", () => {
    const store = new middleware_1.MemorySessionStore();
    const options = { secret: "s3cret", store, loadUser: async (id) => (Number(id) === 1 ? ada : null) };
    // POST logs in, GET reports who is logged in: the HTTP half of a chat app.
    const httpApp = (0, middleware_1.AuthMiddlewareStack)(async (scope, receive, send) => {
        await receive();
        if (scope["method"] === "POST")
            await (0, middleware_1.login)(scope, ada);
        const body = new TextEncoder().encode(scope.user instanceof middleware_1.AnonymousUser ? "anonymous" : scope.user.name);
        await send({ type: "http.response.start", status: 200, headers: [] });
        await send({ type: "http.response.body", body });
    }, options);
    async function call(method, headers) {
        const conn = (0, fake_connection_1.fakeConnection)({ type: "http.request", body: new Uint8Array(), more_body: false });
        await httpApp((0, fake_connection_1.httpScope)(headers, { method }), conn.receive, conn.send);
        const [start, body] = conn.sent;
        const setCookie = start["headers"].find(([n]) => n === "set-cookie")?.[1];
        return { text: new TextDecoder().decode(body["body"]), cookie: setCookie?.split(";")[0] };
    }
    it("logs in over HTTP and recognises the user on the next request and on a WebSocket", async () => {
        const before = await call("GET", []);
        expect(before.text).toBe("anonymous");
        const loggedIn = await call("POST", []);
        expect(loggedIn.text).toBe("ada");
        expect(loggedIn.cookie).toMatch(/^sessionid=/);
        const after = await call("GET", [["cookie", loggedIn.cookie]]);
        expect(after).toEqual({ text: "ada", cookie: undefined });
        let wsUser;
        const wsApp = (0, middleware_1.AllowedHostsOriginValidator)((0, middleware_1.AuthMiddlewareStack)(async (scope, receive, send) => {
            await receive();
            wsUser = scope.user;
            await send({ type: "websocket.accept" });
        }, options));
        const headers = [
            ["host", "chat.test"],
            ["origin", "http://chat.test"],
            ["cookie", loggedIn.cookie],
        ];
        const conn = (0, fake_connection_1.fakeConnection)({ type: "websocket.connect" });
        await wsApp((0, fake_connection_1.websocketScope)(headers), conn.receive, conn.send);
        expect(conn.sent).toEqual([{ type: "websocket.accept" }]);
        expect(wsUser).toEqual(ada);
    });
});
//# sourceMappingURL=middleware-stack.test.js.map