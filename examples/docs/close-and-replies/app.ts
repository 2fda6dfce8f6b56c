import {
  AuthMiddlewareStack,
  closeGroup,
  getChannelLayer,
  HttpConsumer,
  isAuthenticated,
  login,
  logout,
  ProtocolTypeRouter,
  ReplyingJsonWebsocketConsumer,
  RequestFailed,
  URLRouter,
  userGroupName,
  WebsocketConsumer,
  path,
  type AuthScope,
  type GroupCloseMessage,
  type RequestHandlers,
  type RequestOf,
  type User,
} from "@channels-ts/core";

export interface Account extends User {
  id: number;
  name: string;
}
const accounts = new Map<number, Account>([[42, { id: 42, name: "ada" }]]);

// #region close-group
/** From anywhere that has the layer: a worker, a script, another server. */
export async function closeRoom(room: string): Promise<void> {
  await closeGroup(getChannelLayer()!, `room.${room}`, { code: 4000, reason: "room closed" });
}
// #endregion close-group

// #region logout-view
/** POST /logout/: ends the session, then closes every socket of that user, in every process. */
export class LogoutEverywhere extends HttpConsumer {
  override async handle(): Promise<void> {
    const user = (this.scope as unknown as AuthScope<Account>).user;
    if (!isAuthenticated(user)) return this.sendResponse(401, "not logged in\n");
    await logout(this.scope);
    await closeGroup(this.channelLayer!, userGroupName(user.id), { code: 4001, reason: "logged out" });
    await this.sendResponse(204, "");
  }
}
// #endregion logout-view

// #region goodbye
export class RoomSocket extends WebsocketConsumer {
  override async connect(): Promise<void> {
    this.groups = [`room.${String(this.scope.url_route?.kwargs["room"])}`];
    for (const group of this.groups) await this.groupAdd(group);
    await this.accept();
  }

  // Tell the page why before the socket closes; the close itself is the built-in handler's.
  override async group_close(message: GroupCloseMessage): Promise<void> {
    await this.send(JSON.stringify({ type: "closing", reason: message.reason }));
    await super.group_close(message);
  }
}
// #endregion goodbye

// #region requests
/** Request type -> what the client sends with it, and what the reply carries. */
export interface RoomRequests {
  "room.join": { payload: { room: string }; reply: { room: string; rooms: number } };
  "room.leave": { payload: { room: string }; reply: null };
}

export class Rooms extends ReplyingJsonWebsocketConsumer implements RequestHandlers<RoomRequests> {
  /** The rooms this socket is in. */
  #rooms = new Set<string>();

  // {"requestId": 1, "type": "room.join", "room": "lobby"} arrives here; what it returns is the reply.
  async request_room_join({ room }: RequestOf<RoomRequests, "room.join">): Promise<{ room: string; rooms: number }> {
    if (!/^[a-z0-9-]{1,20}$/.test(room)) throw new RequestFailed("bad_room", "a room name is 1-20 of a-z, 0-9, -");
    await this.groupAdd(`room.${room}`);
    this.#rooms.add(room);
    return { room, rooms: this.#rooms.size };
  }

  async request_room_leave({ room }: RequestOf<RoomRequests, "room.leave">): Promise<null> {
    await this.groupDiscard(`room.${room}`);
    this.#rooms.delete(room);
    return null;
  }

  // Frames without a requestId come here, as in any JsonWebsocketConsumer.
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson({ type: "note", content });
  }
}
// #endregion requests

/** POST /login/ with body "42": logs account 42 in (sets the session cookie). */
class Login extends HttpConsumer {
  override async handle(body: Uint8Array): Promise<void> {
    const account = accounts.get(Number(Buffer.from(body).toString()));
    if (account === undefined) return this.sendResponse(403, "unknown account\n");
    await login(this.scope, account);
    await this.sendResponse(200, `logged in as ${account.name}\n`);
  }
}

const auth = {
  secret: process.env.SESSION_SECRET ?? "change-me", // signs the session cookie
  loadUser: async (id: string | number): Promise<Account | null> => accounts.get(Number(id)) ?? null,
};

export const application = ProtocolTypeRouter({
  http: AuthMiddlewareStack(
    URLRouter([path("login/", Login.asApp()), path("logout/", LogoutEverywhere.asApp())]),
    auth,
  ),
  websocket: AuthMiddlewareStack(
    URLRouter([path("rooms/", Rooms.asApp()), path("room/<str:room>/", RoomSocket.asApp())]),
    auth,
  ),
});
