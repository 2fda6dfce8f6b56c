import {
  ApplicationCommunicator,
  HttpCommunicator,
  InMemoryChannelLayer,
  WebsocketCommunicator,
  channelLayers,
  type Application,
} from "@channels-ts/core";
import { application } from "../app";

// #region layer
// A fresh in-memory layer for each test, and the previous configuration back afterwards.
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
// #endregion layer

// #region websocket
test("what one member of a room sends, every member receives", async () => {
  const ada = new WebsocketCommunicator(application, "/room/lobby/");
  const bob = new WebsocketCommunicator(application, "/room/lobby/");
  expect((await ada.connect()).connected).toBe(true);
  expect((await bob.connect()).connected).toBe(true);

  await ada.sendTo("hello");
  expect(await ada.receiveFrom()).toBe("hello");
  expect(await bob.receiveFrom()).toBe("hello");

  await ada.disconnect();
  await bob.disconnect();
});

test("an unknown path is refused", async () => {
  const client = new WebsocketCommunicator(application, "/nowhere/");
  await expect(client.connect()).rejects.toThrow(/No route found/);
});
// #endregion websocket

// #region http
test("GET /health/ answers ok", async () => {
  const response = await new HttpCommunicator(application, "GET", "/health/").getResponse();
  expect(response.status).toBe(200);
  expect(response.body.toString()).toBe("ok");
});
// #endregion http

// #region application
test("any application, one message at a time", async () => {
  const ping: Application = async (_scope, receive, send) => {
    const message = await receive();
    await send({ type: "websocket.send", text: `pong ${String(message.value)}` });
  };
  const communicator = new ApplicationCommunicator(ping, { type: "custom" });
  await communicator.sendInput({ type: "ping", value: 42 });
  expect(await communicator.receiveOutput()).toEqual({ type: "websocket.send", text: "pong 42" });
  await communicator.wait();
});
// #endregion application
