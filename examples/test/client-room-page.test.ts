import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { ChannelsClient } from "@channels-ts/client";
import { WebSocket, WebSocketServer } from "ws";
import { watchRoom } from "../client/room-page";

/** A server speaking the stream and presence contracts as far as the page needs: it records frames and broadcasts. */
async function startServer() {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(wss, "listening");
  const frames: unknown[] = [];
  const firstFrame = new Promise<void>((resolve) =>
    wss.on("connection", (socket) =>
      socket.on("message", (data) => (frames.push(JSON.parse(String(data))), resolve())),
    ),
  );
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`,
    frames,
    firstFrame,
    broadcast: (value: unknown) => wss.clients.forEach((socket) => socket.send(JSON.stringify(value))),
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

test("examples/client/room-page.ts shows who is in the room from the chat stream's presence frames", async () => {
  await using server = await startServer();
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
  await server.firstFrame;
  expect(server.frames).toEqual([{ stream: "chat", payload: { type: "chat.message", text: "hi" } }]);
  client.close();
});
