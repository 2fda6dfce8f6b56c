import {
  AuthMiddleware,
  closeGroup,
  HttpConsumer,
  InMemoryChannelLayer,
  ProtocolTypeRouter,
  userGroupName,
  WebsocketConsumer,
  type Scope,
} from "@channels-ts/core";
import { closed, deferred, installChannelLayer, startServer, TextClient } from "@channels-ts/test-fixtures";

/** Every disconnect() on the server, by the socket's label (its `?tab=` query). */
const disconnects: Array<[string, number]> = [];
const allDisconnected = { count: 0, done: deferred<void>() };

class Tab extends WebsocketConsumer {
  override async connect(): Promise<void> {
    await this.accept();
    await this.send("ready"); // the user's group is joined before connect(): the client knows it is in
  }
  override async receive(text?: string): Promise<void> {
    await this.send(`echo ${text}`);
  }
  override async disconnect(code: number): Promise<void> {
    disconnects.push([this.scope.query_string, code]);
    if (disconnects.length === allDisconnected.count) allDisconnected.done.resolve();
  }
}

/** POST /logout/<id>/: "log the user out everywhere", as an HTTP view would. */
class Logout extends HttpConsumer {
  override async handle(): Promise<void> {
    const id = /^\/logout\/([^/]+)\/$/.exec(this.scope.path)?.[1] ?? "";
    await closeGroup(this.channelLayer!, userGroupName(id), { code: 4001, reason: "logged out" });
    await this.sendResponse(204, "");
  }
}

function userFromHeader(scope: Scope): Promise<{ id: string } | null> {
  const id = (scope["headers"] as Array<[string, string]>).find(([name]) => name === "x-user")?.[1];
  return Promise.resolve(id === undefined ? null : { id });
}

const app = ProtocolTypeRouter({
  http: Logout.asApp(),
  websocket: AuthMiddleware(Tab.asApp(), { resolveUser: userFromHeader }),
});

describe("closing all sockets of user 42 through a live server", () => {
  it("closes both of 42's tabs with the code and reason; 7's stays open; each disconnect runs once", async () => {
    await using _layer = installChannelLayer(new InMemoryChannelLayer());
    await using server = await startServer(app);
    const open = async (tab: string, user: string): Promise<TextClient> => {
      const client = await TextClient.open(server.wsUrl(`/?${tab}`), { socket: { headers: { "x-user": user } } });
      await client.next("ready");
      return client;
    };
    const [a, b, other] = await Promise.all([open("a", "42"), open("b", "42"), open("c", "7")]);
    const closes = [closed(a.socket), closed(b.socket)];
    allDisconnected.count = 2;

    const response = await fetch(`http://127.0.0.1:${server.address.port}/logout/42/`, { method: "POST" });
    expect(response.status).toBe(204);
    expect(await Promise.all(closes)).toEqual([
      { code: 4001, reason: "logged out" },
      { code: 4001, reason: "logged out" },
    ]);
    await allDisconnected.done.promise;
    other.send("still here");
    expect(await other.next("echo still here")).toBe("echo still here");
    expect(disconnects.sort()).toEqual([
      ["a", 4001],
      ["b", 4001],
    ]);
    allDisconnected.count = 3;
    allDisconnected.done = deferred<void>();
    other.socket.close(1000);
    await allDisconnected.done.promise;
    await server.close();
    expect(disconnects.sort()).toEqual([
      ["a", 4001],
      ["b", 4001],
      ["c", 1000],
    ]);
  });
});
