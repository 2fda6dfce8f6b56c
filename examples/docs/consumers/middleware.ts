import {
  AllowedHostsOriginValidator,
  AuthMiddlewareStack,
  CookieMiddleware,
  HttpConsumer,
  OriginValidator,
  ProtocolTypeRouter,
  URLRouter,
  WebsocketConsumer,
  isAuthenticated,
  login,
  path,
  type AuthScope,
  type User,
} from "@channels-ts/core";

interface Account extends User {
  id: number;
  name: string;
}
const accounts = new Map<number, Account>([[1, { id: 1, name: "ada" }]]);

// #region auth
/** POST /login/ with body "1": logs account 1 in (sets the session cookie). */
class Login extends HttpConsumer {
  override async handle(body: Uint8Array): Promise<void> {
    const account = accounts.get(Number(Buffer.from(body).toString()));
    if (account === undefined) return this.sendResponse(403, "unknown account\n");
    await login(this.scope, account);
    await this.sendResponse(200, `logged in as ${account.name}\n`);
  }
}

class Whoami extends WebsocketConsumer {
  override async connect(): Promise<void> {
    const user = this.scope.user as AuthScope<Account>["user"]; // set by AuthMiddleware
    await this.accept();
    await this.send(isAuthenticated(user) ? user.name : "anonymous");
  }
}

const options = {
  secret: process.env.SESSION_SECRET ?? "change-me", // signs the session cookie
  loadUser: async (id: string | number) => accounts.get(Number(id)) ?? null,
};

export const application = ProtocolTypeRouter({
  http: AuthMiddlewareStack(URLRouter([path("login/", Login.asApp())]), options),
  websocket: AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter([path("whoami/", Whoami.asApp())]), options)),
});
// #endregion auth

// #region origins
// Only pages from these origins may open a WebSocket (a missing Origin is refused unless "*").
export const strict = OriginValidator(Whoami.asApp(), ["https://example.com", ".example.org"]);
// Without a list: the Origin must be the request's own Host.
export const sameSite = AllowedHostsOriginValidator(Whoami.asApp());
// Cookies alone: scope.cookies is a plain { name: value } object.
export const withCookies = CookieMiddleware(Whoami.asApp());
// #endregion origins
