import { ChannelsClient, type DroppedMessage } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";
import { ManualTimers } from "./manual-timers";

test("messages sent before the socket opens wait, up to maxQueued, and go out in order first", async () => {
  await using server = await ContractServer.start();
  const client = new ChannelsClient(server.url, { WebSocket, autoConnect: false, maxQueued: 3 });
  const dropped: DroppedMessage[] = [];
  client.onEvent("dropped", (event) => dropped.push(event));
  const results = [1, 2, 3, 4, 5].map((n) => client.send("chat.message", { n }));
  expect(results).toEqual([true, true, true, false, false]);
  expect(client.queued).toBe(3);
  expect(dropped).toEqual([
    { message: { type: "chat.message", n: 4 }, reason: "queue_full", stream: undefined },
    { message: { type: "chat.message", n: 5 }, reason: "queue_full", stream: undefined },
  ]);
  // An open handler's message comes after the queue.
  client.onEvent("open", () => client.send("chat.message", { n: 6 }));
  client.connect();
  expect((await server.framesReceived(4)).map((frame) => frame["n"])).toEqual([1, 2, 3, 6]);
  expect(client.queued).toBe(0);
  client.close();
});

test("messages sent while the server is down are flushed in order on reconnect", async () => {
  await using server = await ContractServer.start();
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers, maxQueued: 2 });
  await client.once("open");
  client.send("chat.message", { text: "before" });
  await server.framesReceived(1);
  await server.stop();
  await client.once("reconnecting");
  expect([client.send("chat.message", { text: "a" }), client.send("chat.message", { text: "b" })]).toEqual([
    true,
    true,
  ]);
  const overflow = client.once("dropped");
  expect(client.send("chat.message", { text: "c" })).toBe(false);
  expect(await overflow).toMatchObject({ message: { text: "c" }, reason: "queue_full" });
  await server.listen();
  timers.fire();
  await client.once("open");
  client.send("chat.message", { text: "after" });
  expect((await server.framesReceived(4)).map((frame) => frame["text"])).toEqual(["before", "a", "b", "after"]);
  client.close();
});

test("close() drops what is queued, reporting each message as not sent", async () => {
  const client = new ChannelsClient("ws://127.0.0.1:9/", { WebSocket, autoConnect: false });
  const reasons: string[] = [];
  client.onEvent("dropped", ({ message, reason }) => reasons.push(`${JSON.stringify(message)} ${reason}`));
  client.send("chat.message", { text: "x" });
  client.close();
  expect(client.send("chat.message", { text: "y" })).toBe(false);
  expect(reasons).toEqual(['{"type":"chat.message","text":"x"} closed', '{"type":"chat.message","text":"y"} closed']);
});
