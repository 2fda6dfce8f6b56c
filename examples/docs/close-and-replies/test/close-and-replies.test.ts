import {
  HttpCommunicator,
  InMemoryChannelLayer,
  WebsocketCommunicator,
  channelLayers,
  sendRequest,
  type Headers,
} from "@channels-ts/core";
import { application, closeRoom, Rooms, type RoomRequests } from "../app";

let layer: InMemoryChannelLayer;
let replaced: ReturnType<typeof channelLayers.set>;
beforeEach(() => {
  layer = new InMemoryChannelLayer();
  replaced = channelLayers.set("default", layer);
});
afterEach(async () => {
  channelLayers.set("default", replaced);
  await layer.close();
});

async function post(path: string, body: string, headers: Headers = []): Promise<{ status: number; cookie: string }> {
  const response = await new HttpCommunicator(application, "POST", path, body, headers).getResponse();
  const setCookie = response.headers.find(([name]) => name === "set-cookie")?.[1] ?? "";
  return { status: response.status, cookie: setCookie.split(";")[0] as string };
}

// #region close-test
test("logging out closes every socket of that user", async () => {
  const { cookie } = await post("/login/", "42");
  const tabs = [1, 2].map(() => new WebsocketCommunicator(application, "/rooms/", { headers: [["cookie", cookie]] }));
  for (const tab of tabs) expect((await tab.connect()).connected).toBe(true);

  expect((await post("/logout/", "", [["cookie", cookie]])).status).toBe(204);
  for (const tab of tabs) {
    expect(await tab.receiveOutput()).toEqual({ type: "websocket.close", code: 4001, reason: "logged out" });
    await tab.disconnect(4001);
  }
});
// #endregion close-test

test("closeRoom() says why, then closes the room's sockets", async () => {
  const member = new WebsocketCommunicator(application, "/room/lobby/");
  await member.connect();
  await closeRoom("lobby");
  expect(await member.receiveJsonFrom()).toEqual({ type: "closing", reason: "room closed" });
  expect(await member.receiveOutput()).toEqual({ type: "websocket.close", code: 4000, reason: "room closed" });
  await member.disconnect(4000);
});

// #region request-test
test("room.join replies with the socket's room count; a bad room fails, and the socket stays open", async () => {
  const client = new WebsocketCommunicator(Rooms.asApp(), "/rooms/");
  await client.connect();
  expect(await sendRequest<RoomRequests, "room.join">(client, "room.join", { room: "lobby" })).toEqual({
    type: "reply",
    requestId: 0,
    ok: true,
    payload: { room: "lobby", rooms: 1 },
  });
  expect(await sendRequest(client, "room.join", { room: "x".repeat(21) })).toMatchObject({
    ok: false,
    error: { code: "bad_room", message: "a room name is 1-20 of a-z, 0-9, -" },
  });
  expect(await sendRequest(client, "room.rename")).toMatchObject({ ok: false, error: { code: "unknown_request" } });
  await client.disconnect();
});
// #endregion request-test
