import {
  ReplyingJsonWebsocketConsumer,
  sendRequest,
  WebsocketCommunicator,
  type RequestHandlers,
  type RequestOf,
} from "@channels-ts/core";

// Checked by `tsc --noEmit` (npm test typechecks tests): each @ts-expect-error must be a real
// compile error, or tsc fails on the unused directive.
interface Requests {
  "room.join": { payload: { room: string }; reply: { members: number } };
}

class Rooms extends ReplyingJsonWebsocketConsumer implements RequestHandlers<Requests> {
  async request_room_join({ room }: RequestOf<Requests, "room.join">): Promise<{ members: number }> {
    return { members: room.length };
  }
}

// @ts-expect-error: a declared request without its handler does not compile
class Missing extends ReplyingJsonWebsocketConsumer implements RequestHandlers<Requests> {}

class WrongReply extends ReplyingJsonWebsocketConsumer implements RequestHandlers<Requests> {
  // @ts-expect-error: the reply must be what the map says
  async request_room_join(): Promise<{ members: string }> {
    return { members: "many" };
  }
}

// Never called: it exists for the compiler.
export async function compileTimeChecks(client: WebsocketCommunicator): Promise<void> {
  const reply = await sendRequest<Requests, "room.join">(client, "room.join", { room: "7" });
  if (reply.ok) {
    const members: number = reply.payload.members;
    void members;
  }
  // @ts-expect-error: the payload must be what the map says
  await sendRequest<Requests, "room.join">(client, "room.join", { room: 7 });
}

it("the typed request handlers compile and run", async () => {
  const client = new WebsocketCommunicator(Rooms.asApp(), "/");
  await client.connect();
  expect(await sendRequest<Requests, "room.join">(client, "room.join", { room: "abc" })).toMatchObject({
    ok: true,
    payload: { members: 3 },
  });
  await client.disconnect();
  expect([Missing, WrongReply]).toHaveLength(2);
});
