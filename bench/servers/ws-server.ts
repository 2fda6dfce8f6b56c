/**
 * The practical floor: a plain `ws` server that relays each text frame to every socket of its
 * room (a Set per URL path), the loop a Node user writes by hand. Prints `PORT <n>` once it
 * listens on 127.0.0.1 (port 0: the system picks a free one).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type WebSocket from "ws";
import { WebSocketServer } from "ws";

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer();
const wss = new WebSocketServer({ server });

wss.on("connection", (ws, request) => {
  const key = request.url ?? "/";
  let room = rooms.get(key);
  if (room === undefined) rooms.set(key, (room = new Set()));
  const members = room;
  members.add(ws);
  ws.on("message", (data, isBinary) => {
    for (const peer of members) peer.send(data, { binary: isBinary });
  });
  ws.on("close", () => {
    members.delete(ws);
    if (members.size === 0) rooms.delete(key);
  });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`PORT ${(server.address() as AddressInfo).port}`);
});
const stop = (): void => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  server.close(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
