"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
// server.ts: Express serves the pages, channels-ts the WebSockets under /ws
const express_1 = __importDefault(require("express"));
const core_1 = require("@channels-ts/core");
const server_1 = require("@channels-ts/server");
class RoomConsumer extends core_1.WebsocketConsumer {
    async receive(text) {
        await this.send(`${String(this.scope.url_route?.kwargs.room)}: ${text ?? ""}`);
    }
}
// Relative to the mount point: "/ws/chat/lobby/" reaches "chat/<room>/".
const websockets = (0, core_1.URLRouter)([(0, core_1.path)("chat/<room>/", RoomConsumer.asApp())]);
const app = (0, express_1.default)();
app.get("/", (_req, res) => {
    res.send("Express page; WebSockets on /ws/chat/<room>/\n");
});
const httpServer = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", (err) => {
    if (err)
        throw err;
    console.log(`Listening on http://127.0.0.1:${httpServer.address().port}`);
});
const channels = (0, server_1.attach)(httpServer, websockets, { paths: ["/ws"] });
for (const signal of ["SIGINT", "SIGTERM"]) {
    // Drain the WebSockets (1001), then stop Express.
    process.once(signal, () => void channels.close().then(() => httpServer.close()));
}
//# sourceMappingURL=express.js.map