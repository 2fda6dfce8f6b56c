"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The practical floor: a plain `ws` server that relays each text frame to every socket of its
 * room (a Set per URL path), the loop a Node user writes by hand. Prints `PORT <n>` once it
 * listens on 127.0.0.1 (port 0: the system picks a free one).
 */
const node_http_1 = require("node:http");
const ws_1 = require("ws");
const rooms = new Map();
const server = (0, node_http_1.createServer)();
const wss = new ws_1.WebSocketServer({ server });
wss.on("connection", (ws, request) => {
    const key = request.url ?? "/";
    let room = rooms.get(key);
    if (room === undefined)
        rooms.set(key, (room = new Set()));
    const members = room;
    members.add(ws);
    ws.on("message", (data, isBinary) => {
        for (const peer of members)
            peer.send(data, { binary: isBinary });
    });
    ws.on("close", () => {
        members.delete(ws);
        if (members.size === 0)
            rooms.delete(key);
    });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    console.log(`PORT ${server.address().port}`);
});
const stop = () => {
    for (const ws of wss.clients)
        ws.terminate();
    wss.close();
    server.close(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
//# sourceMappingURL=ws-server.js.map