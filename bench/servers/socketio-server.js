"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Socket.IO 4 with rooms, the way its documentation relays a chat message: each socket joins
 * the room named in its handshake query, and every "m" event is emitted to that room (sender
 * included, as the other servers do). Prints `PORT <n>` once it listens on 127.0.0.1.
 */
const node_http_1 = require("node:http");
const socket_io_1 = require("socket.io");
const server = (0, node_http_1.createServer)();
const io = new socket_io_1.Server(server, { transports: ["websocket"], serveClient: false });
io.on("connection", (socket) => {
    const room = String(socket.handshake.query.room ?? "lobby");
    void socket.join(room);
    socket.on("m", (text) => {
        io.to(room).emit("m", text);
    });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    console.log(`PORT ${server.address().port}`);
});
const stop = () => {
    void io.close(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
//# sourceMappingURL=socketio-server.js.map