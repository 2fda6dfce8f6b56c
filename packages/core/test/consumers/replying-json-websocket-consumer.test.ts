import {
  ChannelsError,
  ReplyingJsonWebsocketConsumer,
  RequestFailed,
  sendRequest,
  StopConsumer,
  WebsocketCommunicator,
  type IncomingRequest,
  type RequestHandlers,
  type RequestOf,
} from "@channels-ts/core";
import { deferred } from "@channels-ts/test-fixtures";

interface RoomRequests {
  "room.join": { payload: { room: string }; reply: { room: string; members: number } };
  "room.leave": { payload: { room: string }; reply: null };
  "slow.echo": { payload: { text: string }; reply: string };
}

const logged: unknown[] = [];
let release = deferred<void>();
beforeEach(() => {
  logged.length = 0;
  release = deferred<void>();
});

class Rooms extends ReplyingJsonWebsocketConsumer implements RequestHandlers<RoomRequests> {
  members = new Map<string, number>();
  async request_room_join({ room }: RequestOf<RoomRequests, "room.join">): Promise<{ room: string; members: number }> {
    if (room === "full") throw new RequestFailed("room_full", `room ${room} is full`);
    if (room === "bug") throw new Error("secret database detail");
    if (room === "coded") throw Object.assign(new Error("no"), { code: "ECONNREFUSED" });
    const members = (this.members.get(room) ?? 0) + 1;
    this.members.set(room, members);
    return { room, members };
  }
  request_room_leave(): null {
    return null;
  }
  async request_slow_echo({ text }: RequestOf<RoomRequests, "slow.echo">): Promise<string> {
    if (text === "wait") await release.promise;
    return text;
  }
  // camelCase is found too, as for message handlers.
  requestNothing(): void {}
  requestBigint(): unknown {
    return { n: 1n };
  }
  requestStop(): never {
    throw new StopConsumer();
  }
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson({ echo: content });
  }
  override onRequestError(error: unknown, request: IncomingRequest): void {
    logged.push([request.type, (error as Error).message]);
  }
}

async function connected(): Promise<WebsocketCommunicator> {
  const client = new WebsocketCommunicator(Rooms.asApp(), "/");
  expect((await client.connect()).connected).toBe(true);
  return client;
}

describe("ReplyingJsonWebsocketConsumer", () => {
  it("replies with what the handler returns, under the request's id", async () => {
    const client = await connected();
    await client.sendJsonTo({ requestId: 7, type: "room.join", room: "lobby" });
    expect(await client.receiveJsonFrom()).toEqual({
      type: "reply",
      requestId: 7,
      ok: true,
      payload: { room: "lobby", members: 1 },
    });
    const reply = await sendRequest<RoomRequests, "room.join">(client, "room.join", { room: "lobby" });
    expect(reply).toEqual({ type: "reply", requestId: 0, ok: true, payload: { room: "lobby", members: 2 } });
    if (reply.ok) expect(reply.payload.members).toBe(2); // typed by the map
    expect(await sendRequest(client, "room.leave", { room: "lobby" })).toMatchObject({ ok: true, payload: null });
    await client.disconnect();
  });

  it("a handler that returns nothing replies null; camelCase handlers are found", async () => {
    const client = await connected();
    expect(await sendRequest(client, "nothing")).toEqual({ type: "reply", requestId: 0, ok: true, payload: null });
    await client.disconnect();
  });

  it("RequestFailed becomes ok:false with its code and message; the socket stays open", async () => {
    const client = await connected();
    expect(await sendRequest(client, "room.join", { room: "full" })).toEqual({
      type: "reply",
      requestId: 0,
      ok: false,
      error: { code: "room_full", message: "room full is full" },
    });
    expect(logged).toEqual([]);
    expect(await sendRequest(client, "room.join", { room: "a" })).toMatchObject({ ok: true });
    await client.disconnect();
  });

  it("any other error is handler_error (or its own code) with a message that leaks nothing, and is logged", async () => {
    const client = await connected();
    const reply = await sendRequest(client, "room.join", { room: "bug" });
    expect(reply).toEqual({
      type: "reply",
      requestId: 0,
      ok: false,
      error: { code: "handler_error", message: "The room.join request failed on the server." },
    });
    expect(JSON.stringify(reply)).not.toContain("secret");
    expect(await sendRequest(client, "room.join", { room: "coded" })).toMatchObject({
      ok: false,
      error: { code: "ECONNREFUSED" },
    });
    expect(logged).toEqual([
      ["room.join", "secret database detail"],
      ["room.join", "no"],
    ]);
    expect(await sendRequest(client, "room.join", { room: "a" })).toMatchObject({ ok: true });
    await client.disconnect();
  });

  it("a reply that cannot be encoded is a handler_error reply, not a closed socket", async () => {
    const client = await connected();
    expect(await sendRequest(client, "bigint")).toEqual({
      type: "reply",
      requestId: 0,
      ok: false,
      error: { code: "handler_error", message: "The reply could not be encoded as JSON." },
    });
    expect(logged).toHaveLength(1);
    await client.disconnect();
  });

  it.each([["nope"], ["receive"], ["_private"], [".x"], [""], ["constructor"], ["room"]])(
    "an unknown type (%p) replies unknown_request",
    async (type) => {
      const client = await connected();
      expect(await sendRequest(client, type)).toEqual({
        type: "reply",
        requestId: 0,
        ok: false,
        error: { code: "unknown_request", message: `No request handler for type ${JSON.stringify(type)}.` },
      });
      await client.disconnect();
    },
  );

  it("a frame with a bad requestId or no string type replies bad_request, echoing the id", async () => {
    const client = await connected();
    for (const requestId of [-1, 1.5, "7", null]) {
      await client.sendJsonTo({ requestId, type: "room.join", room: "a" });
      expect(await client.receiveJsonFrom()).toEqual({
        type: "reply",
        requestId,
        ok: false,
        error: { code: "bad_request", message: "requestId must be a non-negative integer." },
      });
    }
    await client.sendJsonTo({ requestId: 3, kind: "room.join" });
    expect(await client.receiveJsonFrom()).toMatchObject({ requestId: 3, ok: false, error: { code: "bad_request" } });
    await client.disconnect();
  });

  it("frames without a requestId go to receiveJson as before", async () => {
    const client = await connected();
    await client.sendJsonTo({ type: "room.join", room: "a" });
    expect(await client.receiveJsonFrom()).toEqual({ echo: { type: "room.join", room: "a" } });
    await client.sendJsonTo([1, { requestId: 1 }]);
    expect(await client.receiveJsonFrom()).toEqual({ echo: [1, { requestId: 1 }] });
    await client.sendTo("{bad");
    expect(await client.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1007 });
    await client.disconnect();
  });

  it("requests are handled one at a time, in arrival order", async () => {
    const client = await connected();
    await client.sendJsonTo({ requestId: 1, type: "slow.echo", text: "wait" });
    await client.sendJsonTo({ requestId: 2, type: "slow.echo", text: "fast" });
    await client.sendJsonTo({ note: "plain" });
    expect(await client.receiveNothing(50)).toBe(true);
    release.resolve();
    expect(await client.receiveJsonFrom()).toMatchObject({ requestId: 1, payload: "wait" });
    expect(await client.receiveJsonFrom()).toMatchObject({ requestId: 2, payload: "fast" });
    expect(await client.receiveJsonFrom()).toEqual({ echo: { note: "plain" } });
    await client.disconnect();
  });

  it("StopConsumer from a request handler ends the consumer, as from any handler", async () => {
    const client = await connected();
    await client.sendJsonTo({ requestId: 1, type: "stop" });
    await client.wait();
    expect(client.done).toBe(true);
  });
});

describe("sendRequest()", () => {
  class Chatty extends ReplyingJsonWebsocketConsumer {
    async request_ping(): Promise<string> {
      await this.sendJson({ type: "note", text: "before the reply" });
      return "pong";
    }
    async request_close(): Promise<void> {
      await this.close(4000);
    }
  }

  it("collects the frames sent before the reply in options.others", async () => {
    const client = new WebsocketCommunicator(Chatty.asApp(), "/");
    await client.connect();
    const others: unknown[] = [];
    expect(await sendRequest(client, "ping", {}, { others })).toMatchObject({ requestId: 0, payload: "pong" });
    expect(others).toEqual([{ type: "note", text: "before the reply" }]);
    expect(await sendRequest(client, "ping", {}, { others, requestId: 41 })).toMatchObject({ requestId: 41 });
    await client.disconnect();
  });

  it("without options.others, a frame before the reply fails, showing the frame", async () => {
    const client = new WebsocketCommunicator(Chatty.asApp(), "/");
    await client.connect();
    const failure = sendRequest(client, "ping");
    await expect(failure).rejects.toBeInstanceOf(ChannelsError);
    await expect(failure).rejects.toThrow(/got \{"type":"note","text":"before the reply"\}; pass options\.others/);
    await client.disconnect();
  });

  it("a close instead of a reply fails with the close code", async () => {
    const client = new WebsocketCommunicator(Chatty.asApp(), "/");
    await client.connect();
    await expect(sendRequest(client, "close")).rejects.toThrow(/close code 4000/);
    await client.disconnect(4000);
  });
});
