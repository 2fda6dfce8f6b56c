import { ChannelsClient } from "@channels-ts/client";
import { WebSocket } from "ws";
import { watchRoom } from "../../../examples/client/room-page";
import { ContractServer } from "./contract-server";

test("examples/client/room-page.ts shows who is in the room from the chat stream's presence frames", async () => {
  await using server = await ContractServer.start();
  const client = new ChannelsClient(server.url, { WebSocket });
  const renders: string[][] = [];
  const rendered = new Promise<void>((resolve) => {
    const say = watchRoom(client, "lobby", (names) => {
      renders.push(names);
      if (renders.length === 2) resolve();
    });
    void client.once("open").then(() => {
      expect(say("hi")).toBe(true);
      const state = { u1: { metas: [{ ref: "r1", name: "alice" }] } };
      server.broadcast({ stream: "chat", payload: { type: "presence.state", group: "lobby", presences: state } });
      const joins = { u2: { metas: [{ ref: "r2", name: "bob" }] } };
      server.broadcast({ stream: "chat", payload: { type: "presence.diff", group: "lobby", joins, leaves: {} } });
    });
  });
  await rendered;
  expect(renders).toEqual([["alice"], ["alice", "bob"]]);
  expect(await server.framesReceived(1)).toEqual([{ stream: "chat", payload: { type: "chat.message", text: "hi" } }]);
  client.close();
});
