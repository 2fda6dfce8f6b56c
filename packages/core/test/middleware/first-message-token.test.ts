import { DenyConnection } from "../../src/errors";
import { WebsocketConsumer } from "../../src/consumers/websocket-consumer";
import {
  MiddlewareConfigError,
  safeEqual,
  TokenAuthMiddleware,
  tokenFromFirstMessage,
  UNAUTHENTICATED_CLOSE_CODE,
  type AuthScope,
  type TokenFrom,
} from "../../src/middleware";
import { WebsocketCommunicator } from "../../src/testing/websocket-communicator";

interface Account {
  id: number;
  name: string;
}
const GOOD = "good-token";
const verify = async (token: string): Promise<Account | null> =>
  safeEqual(token, GOOD) ? { id: 1, name: "ada" } : null;

/** Records what reached the consumer: its connect (with the user) and every frame. */
const reached: string[] = [];
beforeEach(() => (reached.length = 0));
class Echo extends WebsocketConsumer {
  override async connect(): Promise<void> {
    reached.push(`connect ${(this.scope as unknown as AuthScope<Account>).user.id}`);
    await this.accept();
  }
  override async receive(text?: string): Promise<void> {
    reached.push(`receive ${text}`);
    await this.send(`echo ${text}`);
  }
}

function gated(from: TokenFrom | TokenFrom[] = tokenFromFirstMessage({ timeoutMs: 200 }), app = Echo.asApp()) {
  return TokenAuthMiddleware<Account>(app, { verify, from });
}

async function closeOf(ws: WebsocketCommunicator): Promise<{ type: string; code?: number; reason?: string }> {
  return (await ws.receiveOutput()) as { type: string; code?: number; reason?: string };
}

describe("TokenAuthMiddleware with the token in the first message", () => {
  it("accepts, starts the consumer once the token is valid, and delivers what followed the token in order", async () => {
    const ws = new WebsocketCommunicator(gated(), "/");
    expect((await ws.connect()).connected).toBe(true);
    expect(reached).toEqual([]);
    await ws.sendJsonTo({ token: GOOD });
    await ws.sendTo("one");
    await ws.sendTo("two");
    expect(await ws.receiveFrom()).toBe("echo one");
    expect(await ws.receiveFrom()).toBe("echo two");
    // The consumer's own accept was answered by the middleware, not sent twice.
    expect(await ws.receiveNothing()).toBe(true);
    expect(reached).toEqual(["connect 1", "receive one", "receive two"]);
    await ws.disconnect();
  });

  it("closes with 4401 on an invalid token, and the consumer never starts", async () => {
    const ws = new WebsocketCommunicator(gated(), "/");
    await ws.connect();
    await ws.sendJsonTo({ token: "forged" });
    await ws.sendTo("after");
    expect(await closeOf(ws)).toEqual({
      type: "websocket.close",
      code: UNAUTHENTICATED_CLOSE_CODE,
      reason: "token invalid",
    });
    await ws.disconnect(UNAUTHENTICATED_CLOSE_CODE);
    expect(reached).toEqual([]);
  });

  it.each<[string, string | Uint8Array]>([
    ["not JSON", "hello"],
    ["JSON without the field", '{"tok": "good-token"}'],
    ["a token that is not a string", '{"token": 1}'],
    ["an empty token", '{"token": ""}'],
    ["a binary frame", Buffer.from('{"token": "good-token"}')],
  ])("closes with 4401 when the first message is %s", async (_what, frame) => {
    const ws = new WebsocketCommunicator(gated(), "/");
    await ws.connect();
    await ws.sendTo(frame);
    expect(await closeOf(ws)).toEqual({
      type: "websocket.close",
      code: 4401,
      reason: "first message carried no token",
    });
    await ws.disconnect(4401);
    expect(reached).toEqual([]);
  });

  it("closes with 4401 when no message comes within timeoutMs", async () => {
    const ws = new WebsocketCommunicator(gated(tokenFromFirstMessage({ timeoutMs: 30 })), "/");
    await ws.connect();
    const started = Date.now();
    expect(await closeOf(ws)).toEqual({ type: "websocket.close", code: 4401, reason: "no token in time" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    // The client's late frame, then its disconnect: the middleware reads both and ends.
    await ws.sendJsonTo({ token: GOOD });
    await ws.disconnect(4401);
    expect(reached).toEqual([]);
  });

  it("ends quietly when the client leaves before sending a token", async () => {
    const ws = new WebsocketCommunicator(gated(), "/");
    await ws.connect();
    await ws.disconnect(1001);
    expect(reached).toEqual([]);
  });

  it("reads another field, and takes a handshake token first when listed before it", async () => {
    const app = gated(["header", tokenFromFirstMessage({ field: "access_token", timeoutMs: 200 })]);
    const ws = new WebsocketCommunicator(app, "/");
    await ws.connect();
    await ws.sendJsonTo({ type: "auth", access_token: GOOD });
    await ws.sendTo("x");
    expect(await ws.receiveFrom()).toBe("echo x");
    await ws.disconnect();

    const header = new WebsocketCommunicator(app, "/", { headers: [["authorization", `Bearer ${GOOD}`]] });
    await header.connect();
    expect(reached).toEqual(["connect 1", "receive x", "connect 1"]);
    await header.sendTo("y");
    expect(await header.receiveFrom()).toBe("echo y");
    await header.disconnect();
  });

  it("turns a consumer's refusal after authentication into a close, 1008 when it gave no code", async () => {
    class Refuses extends WebsocketConsumer {
      override async connect(): Promise<void> {
        throw new DenyConnection();
      }
    }
    const ws = new WebsocketCommunicator(gated(undefined, Refuses.asApp()), "/");
    await ws.connect();
    await ws.sendJsonTo({ token: GOOD });
    expect(await closeOf(ws)).toEqual({ type: "websocket.close", code: 1008 });
    await ws.disconnect(1008);
  });

  it("fails a consumer whose accept names a subprotocol: the handshake is over", async () => {
    class Chooses extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.accept("chat");
      }
    }
    const ws = new WebsocketCommunicator(gated(undefined, Chooses.asApp()), "/", { subprotocols: ["chat"] });
    await ws.connect();
    await ws.sendJsonTo({ token: GOOD });
    await expect(ws.wait()).rejects.toThrow(/accepted the handshake already/);
  });

  it("checks its options", () => {
    expect(() => tokenFromFirstMessage({ timeoutMs: 0 })).toThrow(MiddlewareConfigError);
    expect(() => tokenFromFirstMessage({ timeoutMs: Number.NaN })).toThrow(/timeoutMs must be/);
    expect(() => tokenFromFirstMessage({ field: "" })).toThrow(/field must be a non-empty string/);
    expect(() => tokenFromFirstMessage({ timeout: 5 } as never)).toThrow(/unknown option "timeout"/);
    expect(tokenFromFirstMessage()).toEqual({ in: "first-message", field: "token", timeoutMs: 5000 });
  });
});
