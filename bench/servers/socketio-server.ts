/**
 * Socket.IO 4 with rooms, the way its documentation relays a chat message: each socket joins
 * the room named in its handshake query, and every "m" event is emitted to that room (sender
 * included, as the other servers do). Prints `PORT <n>` once it listens on 127.0.0.1.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const server = createServer();
const io = new Server(server, { transports: ["websocket"], serveClient: false });

io.on("connection", (socket) => {
  const room = String(socket.handshake.query.room ?? "lobby");
  void socket.join(room);
  socket.on("m", (text: string) => {
    io.to(room).emit("m", text);
  });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`PORT ${(server.address() as AddressInfo).port}`);
});
const stop = (): void => {
  void io.close(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
