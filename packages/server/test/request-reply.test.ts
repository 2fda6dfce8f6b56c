import { InMemoryChannelLayer, ReplyingJsonWebsocketConsumer, RequestFailed } from "@channels-ts/core";
import { installChannelLayer, startServer, TextClient } from "@channels-ts/test-fixtures";

class Rooms extends ReplyingJsonWebsocketConsumer {
  async request_room_join({ room }: { room: string }): Promise<{ joined: string }> {
    if (room === "full") throw new RequestFailed("room_full", "room full is full");
    await this.groupAdd(room);
    return { joined: room };
  }
}

describe("requests with a reply through a live server", () => {
  it("replies per request id, answers a failure and an unknown type with ok:false, and stays open", async () => {
    await using _layer = installChannelLayer(new InMemoryChannelLayer());
    await using server = await startServer(Rooms.asApp());
    await using client = await TextClient.open(server.wsUrl("/"));
    client.send(JSON.stringify({ requestId: 1, type: "room.join", room: "lobby" }));
    client.send(JSON.stringify({ requestId: 2, type: "room.join", room: "full" }));
    client.send(JSON.stringify({ requestId: 3, type: "room.leave", room: "lobby" }));
    await client.next(/"requestId":3/);
    expect(client.received.map((frame) => JSON.parse(frame) as unknown)).toEqual([
      { type: "reply", requestId: 1, ok: true, payload: { joined: "lobby" } },
      { type: "reply", requestId: 2, ok: false, error: { code: "room_full", message: "room full is full" } },
      {
        type: "reply",
        requestId: 3,
        ok: false,
        error: { code: "unknown_request", message: 'No request handler for type "room.leave".' },
      },
    ]);
    expect(client.isOpen).toBe(true);
  });
});
