import { WebsocketConsumer } from "../../src/consumers/websocket-consumer";
import {
  AnonymousUser,
  CookieMiddleware,
  MiddlewareConfigError,
  safeEqual,
  TokenAuthMiddleware,
  tokenFromCookie,
  tokenFromHeader,
  tokenFromSubprotocol,
  type AuthScope,
  type TokenAuthMiddlewareOptions,
} from "../../src/middleware";
import { HttpCommunicator } from "../../src/testing/http-communicator";
import { WebsocketCommunicator } from "../../src/testing/websocket-communicator";
import type { Application, Headers } from "../../src/types";

interface Account {
  id: number;
  name: string;
}
const ADA: Account = { id: 1, name: "ada" };
const GOOD = "good-token.abc";

const verified: string[] = [];
async function verify(token: string): Promise<Account | null> {
  verified.push(token);
  return safeEqual(token, GOOD) ? ADA : null;
}
beforeEach(() => (verified.length = 0));

/** Accepts, then tells who it is and what the scope offered: `ada ["chat"] sec-websocket-protocol=chat`. */
class Whoami extends WebsocketConsumer {
  override async connect(): Promise<void> {
    const user = (this.scope as unknown as AuthScope<Account>).user;
    await this.accept();
    const header = this.scope.headers.find(([name]) => name === "sec-websocket-protocol")?.[1] ?? "";
    const name = user instanceof AnonymousUser ? "anonymous" : user.name;
    await this.send(`${name} ${JSON.stringify(this.scope.subprotocols)} ${header}`);
  }
}

function withTokens(options: Partial<TokenAuthMiddlewareOptions<Account>>): Application {
  return TokenAuthMiddleware<Account>(Whoami.asApp(), { verify, from: "header", ...options });
}

async function greeting(app: Application, path: string, headers: Headers = [], subprotocols: string[] = []) {
  const ws = new WebsocketCommunicator(app, path, { headers, subprotocols });
  const result = await ws.connect();
  if (!result.connected) return { result, text: undefined };
  const text = await ws.receiveFrom();
  await ws.disconnect();
  return { result, text };
}

describe("TokenAuthMiddleware: a token in the Authorization header", () => {
  it("puts the user of a valid Bearer token in scope.user (scheme matched case-insensitively)", async () => {
    const { result, text } = await greeting(withTokens({}), "/", [["authorization", `bearer ${GOOD}`]]);
    expect(result.connected).toBe(true);
    expect(text).toBe("ada [] ");
    expect(verified).toEqual([GOOD]);
  });

  it("refuses the handshake (403: close before accept) for an invalid, empty, unschemed or doubled header", async () => {
    const cases: Headers[] = [
      [["authorization", "Bearer wrong"]],
      [["authorization", "Bearer "]],
      [["authorization", GOOD]],
      [["authorization", `Basic ${GOOD}`]],
      [
        ["authorization", `Bearer ${GOOD}`],
        ["authorization", `Bearer ${GOOD}`],
      ],
    ];
    for (const headers of cases) {
      const { result } = await greeting(withTokens({}), "/", headers);
      expect({ headers, result }).toEqual({
        headers,
        result: { connected: false, subprotocol: null, closeCode: 1008 },
      });
    }
    expect(verified).toEqual(["wrong"]);
  });

  it("refuses a connection without a token by default, and lets it in as anonymous with required: false", async () => {
    expect((await greeting(withTokens({}), "/")).result.connected).toBe(false);
    const open = await greeting(withTokens({ required: false }), "/");
    expect(open.text).toBe("anonymous [] ");
    // A token that is there but wrong is refused even so.
    const wrong = await greeting(withTokens({ required: false }), "/", [["authorization", "Bearer nope"]]);
    expect(wrong.result.connected).toBe(false);
  });

  it("reads any header, with or without a scheme: tokenFromHeader('x-api-key', null)", async () => {
    const app = withTokens({ from: tokenFromHeader("X-Api-Key", null) });
    expect((await greeting(app, "/", [["x-api-key", GOOD]])).text).toBe("ada [] ");
    expect((await greeting(app, "/", [["authorization", `Bearer ${GOOD}`]])).result.connected).toBe(false);
  });

  it("answers HTTP with 401 and WWW-Authenticate: Bearer, and passes a valid request through", async () => {
    const app = TokenAuthMiddleware<Account>(
      (async (scope, _receive, send) => {
        const user = (scope as AuthScope<Account>).user;
        await send({ type: "http.response.start", status: 200 });
        await send({ type: "http.response.body", body: Buffer.from(String(user.id)) });
      }) as Application,
      { verify, from: "header" },
    );
    const missing = await new HttpCommunicator(app, "GET", "/").getResponse();
    expect(missing.status).toBe(401);
    expect(missing.headers).toContainEqual(["www-authenticate", "Bearer"]);
    const wrong = await new HttpCommunicator(app, "GET", "/", "", [["authorization", "Bearer x"]]).getResponse();
    expect(wrong.status).toBe(401);
    expect(wrong.headers).toContainEqual(["www-authenticate", 'Bearer error="invalid_token"']);
    const good = await new HttpCommunicator(app, "GET", "/", "", [["authorization", `Bearer ${GOOD}`]]).getResponse();
    expect([good.status, good.body.toString()]).toEqual([200, "1"]);
  });
});

describe("TokenAuthMiddleware: a token in a cookie", () => {
  it("reads the cookie from the Cookie header, or from scope.cookies under CookieMiddleware", async () => {
    const headers: Headers = [["cookie", `theme=dark; access_token=${GOOD}`]];
    expect((await greeting(withTokens({ from: "cookie" }), "/", headers)).text).toBe("ada [] ");
    const stacked = CookieMiddleware(withTokens({ from: tokenFromCookie("access_token") }));
    expect((await greeting(stacked, "/", headers)).text).toBe("ada [] ");
    const wrong = await greeting(withTokens({ from: "cookie" }), "/", [["cookie", "access_token=x"]]);
    expect(wrong.result.connected).toBe(false);
  });

  it("reads a cookie of another name, and a cookie named __proto__ is not a token", async () => {
    const app = withTokens({ from: tokenFromCookie("sid") });
    expect((await greeting(app, "/", [["cookie", `sid=${GOOD}`]])).text).toBe("ada [] ");
    const proto = withTokens({ from: tokenFromCookie("__proto__") });
    expect((await greeting(proto, "/", [["cookie", "other=1"]])).result.connected).toBe(false);
    expect(verified).toEqual([GOOD]);
  });
});

describe("TokenAuthMiddleware: a token in the subprotocol list", () => {
  it("answers with the marker, never the token, and hides both from the application", async () => {
    const { result, text } = await greeting(withTokens({ from: "subprotocol" }), "/", [], ["access_token", GOOD]);
    expect(result).toEqual({ connected: true, subprotocol: "access_token", closeCode: null });
    expect(text).toBe("ada [] ");
  });

  it("keeps the other offered subprotocols for the application, which may choose one", async () => {
    const headers: Headers = [["sec-websocket-protocol", `chat.v2, access_token, ${GOOD}`]];
    const offered = ["chat.v2", "access_token", GOOD];
    const app = withTokens({ from: "subprotocol" });
    const { result, text } = await greeting(app, "/", headers, offered);
    expect(result.subprotocol).toBe("access_token");
    expect(text).toBe('ada ["chat.v2"] chat.v2');

    class Picky extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.accept("chat.v2");
      }
    }
    const picky = TokenAuthMiddleware<Account>(Picky.asApp(), { verify, from: "subprotocol" });
    const ws = new WebsocketCommunicator(picky, "/", { headers, subprotocols: offered });
    expect((await ws.connect()).subprotocol).toBe("chat.v2");
    await ws.disconnect();
  });

  it("fails an accept that names the token, without writing the token in the error", async () => {
    const echo: Application = (async (scope, receive, send) => {
      await receive();
      await send({ type: "websocket.accept", subprotocol: GOOD });
    }) as Application;
    const ws = new WebsocketCommunicator(TokenAuthMiddleware<Account>(echo, { verify, from: "subprotocol" }), "/", {
      subprotocols: ["access_token", GOOD],
    });
    await ws.sendInput({ type: "websocket.connect" });
    const error = await ws.wait().then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toContain("carries a token");
    expect(error?.message).not.toContain(GOOD);
  });

  it("refuses a marker with no token after it, or an invalid token, and ignores a marker of another name", async () => {
    const app = withTokens({ from: "subprotocol" });
    expect((await greeting(app, "/", [], ["access_token"])).result.connected).toBe(false);
    expect((await greeting(app, "/", [], ["access_token", "forged"])).result.connected).toBe(false);
    const named = withTokens({ from: tokenFromSubprotocol("bearer.token") });
    expect((await greeting(named, "/", [], ["bearer.token", GOOD])).result.subprotocol).toBe("bearer.token");
    expect((await greeting(named, "/", [], ["access_token", GOOD])).result.connected).toBe(false);
  });
});

describe("TokenAuthMiddleware: sources in a list, an outer user, other scopes", () => {
  it("tries the sources in order and verifies the first token found", async () => {
    const app = withTokens({ from: ["header", "subprotocol"] });
    expect((await greeting(app, "/", [], ["access_token", GOOD])).text).toBe("ada [] ");
    const both = await greeting(app, "/", [["authorization", "Bearer first"]], ["access_token", GOOD]);
    expect(both.result.connected).toBe(false);
    expect(verified).toEqual([GOOD, "first"]);
  });

  it("keeps an authenticated outer scope.user (a session) and passes lifespan through untouched", async () => {
    const ws = new WebsocketCommunicator(withTokens({}), "/", { scope: { user: { id: 9, name: "bob" } } });
    await ws.connect();
    expect(await ws.receiveFrom()).toBe("bob [] ");
    await ws.disconnect();
    const seen: unknown[] = [];
    const app = TokenAuthMiddleware<Account>((async (scope) => void seen.push(scope)) as Application, {
      verify,
      from: "header",
    });
    await app(
      { type: "lifespan" },
      () => new Promise(() => undefined),
      async () => undefined,
    );
    expect(seen).toEqual([{ type: "lifespan" }]);
  });
});

describe("TokenAuthMiddleware never reads a token from the URL", () => {
  it("refuses a query string with a token parameter: 403 for the handshake, 400 for HTTP, never verified", async () => {
    const app = withTokens({ required: false });
    for (const query of ["?access_token=" + GOOD, "?room=1&token=" + GOOD, "?JWT=x", "?api_key=x"]) {
      const { result } = await greeting(app, "/" + query, [["authorization", `Bearer ${GOOD}`]]);
      expect({ query, connected: result.connected }).toEqual({ query, connected: false });
    }
    const response = await new HttpCommunicator(app, "GET", "/?access_token=x").getResponse();
    expect(response.status).toBe(400);
    expect(response.body.toString()).toContain("token in the URL refused");
    expect(verified).toEqual([]);
    // Any other query is fine.
    expect((await greeting(app, "/?room=1", [["authorization", `Bearer ${GOOD}`]])).text).toBe("ada [] ");
  });

  it("rejects from: 'query' (or 'url') at construction, saying why", () => {
    for (const from of ["query", "query_string", "url"]) {
      expect(() => TokenAuthMiddleware(Whoami.asApp(), { verify, from: from as "header" })).toThrow(
        /does not read tokens from the URL.*access logs/,
      );
    }
  });
});

describe("TokenAuthMiddleware options are checked at construction", () => {
  const app = Whoami.asApp();
  it.each<[string, unknown, RegExp]>([
    ["no verify", { from: "header" }, /options\.verify\(token, scope\), a function/],
    ["an unknown option", { verify, from: "header", requried: false }, /unknown option "requried"/],
    ["an unknown source", { verify, from: "body" }, /from got "body"/],
    ["an empty list", { verify, from: [] }, /empty list/],
    ["first-message not last", { verify, from: ["first-message", "header"] }, /"first-message" before another/],
    ["required not a boolean", { verify, from: "header", required: "yes" }, /required must be true or false/],
    ["a bad header name", { verify, from: { in: "header", header: "bad name" } }, /header name must be/],
  ])("%s", (_what, options, message) => {
    expect(() => TokenAuthMiddleware(app, options as TokenAuthMiddlewareOptions<Account>)).toThrow(
      MiddlewareConfigError,
    );
    expect(() => TokenAuthMiddleware(app, options as TokenAuthMiddlewareOptions<Account>)).toThrow(message);
  });
});
