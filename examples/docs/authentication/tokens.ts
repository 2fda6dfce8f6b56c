import { createHmac } from "node:crypto";
import {
  AllowedHostsOriginValidator,
  HttpConsumer,
  ProtocolTypeRouter,
  TokenAuthMiddleware,
  URLRouter,
  WebsocketConsumer,
  isAuthenticated,
  path,
  safeEqual,
  setCookieHeader,
  tokenFromCookie,
  tokenFromFirstMessage,
  type AuthScope,
  type User,
} from "@channels-ts/core";
import { TokenPage } from "./page";

interface Account extends User {
  id: number;
  name: string;
}
const accounts = new Map<number, Account>([[1, { id: 1, name: "ada" }]]);

// #region sign
const SECRET = process.env.TOKEN_SECRET ?? "change-me";
const mac = (value: string): string => createHmac("sha256", SECRET).update(value).digest("base64url");

/** `<id>.<signature>`: base64url, so it fits a header, a cookie and a subprotocol name. */
export function issueToken(account: Account): string {
  return `${account.id}.${mac(String(account.id))}`;
}

/** The account a token names, or null; the signature is compared in constant time. */
export async function verify(token: string): Promise<Account | null> {
  const dot = token.lastIndexOf(".");
  const id = token.slice(0, dot);
  if (dot <= 0 || !safeEqual(token.slice(dot + 1), mac(id))) return null;
  return accounts.get(Number(id)) ?? null;
}
// #endregion sign

// #region consumer
class Whoami extends WebsocketConsumer {
  override async connect(): Promise<void> {
    const user = this.scope.user as AuthScope<Account>["user"]; // set by TokenAuthMiddleware
    await this.accept();
    await this.send(isAuthenticated(user) ? `hello ${user.name}` : "hello stranger");
  }
}
// #endregion consumer

// #region sources
// Node and mobile clients: "Authorization: Bearer <token>" on the handshake.
export const fromHeader = TokenAuthMiddleware(Whoami.asApp(), { verify, from: "header" });
// Browsers: new WebSocket(url, ["access_token", token]); answered with "access_token".
export const fromSubprotocol = TokenAuthMiddleware(Whoami.asApp(), { verify, from: "subprotocol" });
// Browsers: a cookie the login response set (HttpOnly, so page scripts never see the token).
export const fromCookie = TokenAuthMiddleware(Whoami.asApp(), { verify, from: tokenFromCookie("access_token") });
// Any client: the socket opens, and the first frame must be {"token": "..."} within 5 s, else 4401.
export const fromFirstMessage = TokenAuthMiddleware(Whoami.asApp(), {
  verify,
  from: tokenFromFirstMessage({ timeoutMs: 5000 }),
});
// Several: tried in order; here native clients send a header and browsers a subprotocol.
export const fromEither = TokenAuthMiddleware(Whoami.asApp(), { verify, from: ["header", "subprotocol"] });
// #endregion sources

// #region login
/** POST /login/ with body "1": the token in the body, and in an HttpOnly cookie. */
class Login extends HttpConsumer {
  override async handle(body: Uint8Array): Promise<void> {
    const account = accounts.get(Number(Buffer.from(body).toString()));
    if (account === undefined) return this.sendResponse(403, "unknown account\n");
    const token = issueToken(account);
    const cookie = setCookieHeader("access_token", token, { httpOnly: true, sameSite: "Strict", path: "/ws/" });
    await this.sendResponse(200, token, { headers: [["set-cookie", cookie]] });
  }
}

export const application = ProtocolTypeRouter({
  http: URLRouter([path("login/", Login.asApp()), path("", TokenPage.asApp())]),
  websocket: URLRouter([
    path("ws/header/", fromHeader),
    path("ws/subprotocol/", fromSubprotocol),
    // A browser sends its cookies whichever site's page opens the socket: without the Origin
    // check, any site could connect as the user (cross-site WebSocket hijacking). A header, a
    // subprotocol or a first message is only sent by a script that holds the token.
    path("ws/cookie/", AllowedHostsOriginValidator(fromCookie)),
    path("ws/first-message/", fromFirstMessage),
  ]),
});
// #endregion login
