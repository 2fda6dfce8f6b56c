import {
  closeGroup,
  HttpCommunicator,
  HttpConsumer,
  JsonWebsocketConsumer,
  WebsocketCommunicator,
  WebsocketConsumer,
  type GroupCloseMessage,
} from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

const layer = useChannelLayer();

/** Every disconnect() call, with the socket's path and its close code. */
let disconnects: Array<[string, number]> = [];
beforeEach(() => (disconnects = []));

class Member extends WebsocketConsumer {
  override groups = ["room"];
  override async disconnect(code: number): Promise<void> {
    disconnects.push([this.scope.path, code]);
  }
}

class JsonMember extends JsonWebsocketConsumer {
  override groups = ["room"];
  override async disconnect(code: number): Promise<void> {
    disconnects.push([this.scope.path, code]);
  }
}

async function connected(consumer: typeof WebsocketConsumer, path: string): Promise<WebsocketCommunicator> {
  const client = new WebsocketCommunicator(consumer.asApp(), path);
  expect((await client.connect()).connected).toBe(true);
  return client;
}

describe("closeGroup()", () => {
  it("closes every member with the code and reason; each disconnect runs once, with that code", async () => {
    const a = await connected(Member, "/a/");
    const b = await connected(JsonMember, "/b/");
    const outsider = await connected(WebsocketConsumer, "/outsider/");
    await closeGroup(layer(), "room", { code: 4001, reason: "logged out" });
    for (const client of [a, b]) {
      expect(await client.receiveOutput()).toEqual({ type: "websocket.close", code: 4001, reason: "logged out" });
      await client.disconnect(4001);
    }
    expect(disconnects.sort()).toEqual([
      ["/a/", 4001],
      ["/b/", 4001],
    ]);
    expect(await outsider.receiveNothing()).toBe(true);
    await outsider.disconnect();
  });

  it("closes with 1000 and an empty reason by default", async () => {
    const a = await connected(Member, "/a/");
    await closeGroup(layer(), "room");
    expect(await a.receiveOutput()).toEqual({ type: "websocket.close", code: 1000, reason: "" });
    await a.disconnect(1000);
  });

  it("sends one plain group message, so any producer can close a group", async () => {
    const channel = await layer().newChannel();
    await layer().groupAdd("room", channel);
    await closeGroup(layer(), "room", { code: 3000, reason: "é".repeat(61) });
    expect(await layer().receive(channel)).toEqual({ type: "group.close", code: 3000, reason: "é".repeat(61) });
  });

  it.each([999, 1001, 1011, 2999, 5000, 3000.5, Number.NaN, "4000"])("refuses the code %p, naming it", async (code) => {
    const channel = await layer().newChannel();
    await layer().groupAdd("room", channel);
    await expect(closeGroup(layer(), "room", { code: code as number })).rejects.toThrow(
      new RegExp(`^closeGroup: options\\.code must be 1000 or an integer from 3000 to 4999.*got ${String(code)}\\.$`),
    );
    await expect(closeGroup(layer(), "room", { code: code as number })).rejects.toBeInstanceOf(TypeError);
    expect(layer().receiveNowait(channel)).toBeUndefined();
  });

  it("refuses a reason longer than 123 bytes of UTF-8, or not a string", async () => {
    await expect(closeGroup(layer(), "room", { reason: "x".repeat(123) })).resolves.toBeUndefined();
    await expect(closeGroup(layer(), "room", { reason: "é".repeat(62) })).rejects.toThrow(
      /^closeGroup: options\.reason must be a string of at most 123 bytes of UTF-8, got 124 bytes; shorten it\.$/,
    );
    await expect(closeGroup(layer(), "room", { reason: 7 as unknown as string })).rejects.toThrow(/got number/);
  });

  it("a group.close from another program with a bad code or reason still closes, with 1000 and no reason", async () => {
    const a = await connected(Member, "/a/");
    await layer().groupSend("room", { type: "group.close", code: 1006, reason: "x".repeat(200) });
    expect(await a.receiveOutput()).toEqual({ type: "websocket.close", code: 1000, reason: "" });
    await a.disconnect(1000);
    const b = await connected(Member, "/b/");
    await layer().groupSend("room", { type: "group.close" });
    expect(await b.receiveOutput()).toEqual({ type: "websocket.close", code: 1000, reason: "" });
    await b.disconnect(1000);
  });

  it("a consumer can override group_close to say goodbye first", async () => {
    class Polite extends Member {
      override async group_close(message: GroupCloseMessage): Promise<void> {
        await this.send(`bye: ${message.reason}`);
        await super.group_close(message);
      }
    }
    const a = await connected(Polite, "/a/");
    await closeGroup(layer(), "room", { code: 4002, reason: "maintenance" });
    expect(await a.receiveFrom()).toBe("bye: maintenance");
    expect(await a.receiveOutput()).toEqual({ type: "websocket.close", code: 4002, reason: "maintenance" });
    await a.disconnect(4002);
    expect(disconnects).toEqual([["/a/", 4002]]);
  });

  it("works from an HTTP view", async () => {
    class CloseRoom extends HttpConsumer {
      override async handle(body: Uint8Array): Promise<void> {
        await closeGroup(this.channelLayer!, "room", { code: 4003, reason: Buffer.from(body).toString() });
        await this.sendResponse(204, "");
      }
    }
    const a = await connected(Member, "/a/");
    const b = await connected(Member, "/b/");
    const response = await new HttpCommunicator(CloseRoom.asApp(), "POST", "/close/", "room closed").getResponse();
    expect(response.status).toBe(204);
    for (const client of [a, b]) {
      expect(await client.receiveOutput()).toEqual({ type: "websocket.close", code: 4003, reason: "room closed" });
      await client.disconnect(4003);
    }
    expect(disconnects.length).toBe(2);
  });
});
