import { createHmac } from "node:crypto";
import { request, type IncomingHttpHeaders } from "node:http";
import {
  AnonymousUser,
  safeEqual,
  TokenAuthMiddleware,
  WebsocketConsumer,
  type AuthScope,
  type TokenFrom,
} from "@channels-ts/core";
import { recordingLogger, startServer, TextClient, type TestServer } from "@channels-ts/test-fixtures";

interface Account {
  id: number;
  name: string;
}
const accounts = new Map<string, Account>([["1", { id: 1, name: "ada" }]]);
// Signed tokens as an app would hand them out: `1.<HMAC>`, base64url, valid as a subprotocol.
const mac = (id: string): string => createHmac("sha256", "test-secret").update(id).digest("base64url");
const TOKEN = `1.${mac("1")}`;
async function verify(token: string): Promise<Account | null> {
  const [id = "", signature = ""] = token.split(".");
  return safeEqual(signature, mac(id)) ? (accounts.get(id) ?? null) : null;
}

class Whoami extends WebsocketConsumer {
  override async connect(): Promise<void> {
    const user = (this.scope as unknown as AuthScope<Account>).user;
    await this.accept();
    await this.send(
      `${user instanceof AnonymousUser ? "anonymous" : user.name} ${JSON.stringify(this.scope.subprotocols)}`,
    );
  }
  override async receive(text?: string): Promise<void> {
    await this.send(`echo ${text}`);
  }
}

async function serveTokens(from: TokenFrom, logger = recordingLogger()): Promise<TestServer> {
  return startServer(TokenAuthMiddleware<Account>(Whoami.asApp(), { verify, from }), { logger });
}

/** The raw 101 (or refusal) headers of a handshake offering `protocols`, read off the socket. */
function handshakeHeaders(server: TestServer, protocols: string[]): Promise<IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port: server.address.port,
      path: "/",
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": Buffer.alloc(16, 7).toString("base64"),
        "sec-websocket-protocol": protocols.join(", "),
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.headers);
    });
    req.on("response", (res) => {
      res.resume();
      reject(new Error(`handshake refused with ${res.statusCode}`));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("TokenAuthMiddleware through a live server: the token in the subprotocol list", () => {
  it("opens a browser-style socket, new WebSocket(url, ['access_token', token]), answered with the marker", async () => {
    const logger = recordingLogger();
    await using server = await serveTokens("subprotocol", logger);
    await using client = await TextClient.open(server.wsUrl("/"), { protocols: ["access_token", TOKEN] });
    expect(client.socket.protocol).toBe("access_token");
    expect(await client.within((got) => got.length === 1, 5000)).toBe(true);
    expect(client.received).toEqual(["ada []"]);
    client.send("hi");
    expect(await client.within((got) => got.length === 2, 5000)).toBe(true);
    expect(client.received[1]).toBe("echo hi");
    // The token is in no log line the server wrote.
    expect(logger.entries.some((entry) => entry.msg.includes(TOKEN))).toBe(false);
  });

  it("never writes the token into the handshake response", async () => {
    await using server = await serveTokens("subprotocol");
    const headers = await handshakeHeaders(server, ["chat", "access_token", TOKEN]);
    expect(headers["sec-websocket-protocol"]).toBe("access_token");
    expect(JSON.stringify(headers)).not.toContain(TOKEN);
  });

  it("refuses a forged token, a missing one and a token in the URL with 403", async () => {
    await using server = await serveTokens("subprotocol");
    expect(await server.refusal("/", ["access_token", `${TOKEN}x`])).toBe(403);
    expect(await server.refusal("/", ["access_token"])).toBe(403);
    expect(await server.refusal("/")).toBe(403);
    expect(await server.refusal(`/?access_token=${TOKEN}`, ["access_token", TOKEN])).toBe(403);
  });
});

describe("TokenAuthMiddleware through a live server: header and first message", () => {
  it("reads Authorization: Bearer from a Node client's handshake", async () => {
    await using server = await serveTokens("header");
    await using client = await TextClient.open(server.wsUrl("/"), {
      socket: { headers: { authorization: `Bearer ${TOKEN}` } },
    });
    expect(await client.within((got) => got.length === 1, 5000)).toBe(true);
    expect(client.received).toEqual(["ada []"]);
  });

  it("closes with 4401 after a bad first message, and serves a good one", async () => {
    await using server = await serveTokens("first-message");
    await using bad = await TextClient.open(server.wsUrl("/"));
    bad.send(JSON.stringify({ token: "nope" }));
    expect(await bad.closed).toBe(4401);

    await using good = await TextClient.open(server.wsUrl("/"));
    good.send(JSON.stringify({ token: TOKEN }));
    good.send("after");
    expect(await good.within((got) => got.length === 2, 5000)).toBe(true);
    expect(good.received).toEqual(["ada []", "echo after"]);
  });
});
