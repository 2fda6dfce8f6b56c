import {
  AllowedHostsOriginValidator,
  AnonymousUser,
  AuthMiddlewareStack,
  login,
  MemorySessionStore,
  type AuthScope,
  type SessionScope,
} from "../../src/middleware";
import type { Headers, Message, Receive, Send } from "../../src/types";
import { fakeConnection, httpScope, websocketScope } from "./fake-connection";

interface AppUser {
  id: number;
  name: string;
}
const ada: AppUser = { id: 1, name: "ada" };
type StackScope = AuthScope<AppUser> & SessionScope;

describe("AuthMiddlewareStack composition", () => {
  const store = new MemorySessionStore();
  const options = { secret: "s3cret", store, loadUser: async (id: string | number) => (Number(id) === 1 ? ada : null) };

  // POST logs in, GET reports who is logged in: the HTTP half of a chat app.
  const httpApp = AuthMiddlewareStack(async (scope: StackScope, receive: Receive, send: Send) => {
    await receive();
    if (scope["method"] === "POST") await login(scope, ada);
    const body = new TextEncoder().encode(scope.user instanceof AnonymousUser ? "anonymous" : scope.user.name);
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body });
  }, options);

  async function call(method: string, headers: Headers) {
    const conn = fakeConnection({ type: "http.request", body: new Uint8Array(), more_body: false });
    await httpApp(httpScope(headers, { method }), conn.receive, conn.send);
    const [start, body] = conn.sent as [Message, Message];
    const setCookie = (start["headers"] as Array<[string, string]>).find(([n]) => n === "set-cookie")?.[1];
    return { text: new TextDecoder().decode(body["body"] as Uint8Array), cookie: setCookie?.split(";")[0] };
  }

  it("logs in over HTTP and recognises the user on the next request and on a WebSocket", async () => {
    const before = await call("GET", []);
    expect(before.text).toBe("anonymous");

    const loggedIn = await call("POST", []);
    expect(loggedIn.text).toBe("ada");
    expect(loggedIn.cookie).toMatch(/^sessionid=/);

    const after = await call("GET", [["cookie", loggedIn.cookie as string]]);
    expect(after).toEqual({ text: "ada", cookie: undefined });

    let wsUser: unknown;
    const wsApp = AllowedHostsOriginValidator(
      AuthMiddlewareStack(async (scope: StackScope, receive: Receive, send: Send) => {
        await receive();
        wsUser = scope.user;
        await send({ type: "websocket.accept" });
      }, options),
    );
    const headers: Headers = [
      ["host", "chat.test"],
      ["origin", "http://chat.test"],
      ["cookie", loggedIn.cookie as string],
    ];
    const conn = fakeConnection({ type: "websocket.connect" });
    await wsApp(websocketScope(headers), conn.receive, conn.send);
    expect(conn.sent).toEqual([{ type: "websocket.accept" }]);
    expect(wsUser).toEqual(ada);
  });
});
