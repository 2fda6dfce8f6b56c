"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const server_1 = require("@channels-ts/server");
// Groups need a channel layer: one in-memory layer for this process (Redis for several processes).
core_1.channelLayers.configure({ default: () => new core_1.InMemoryChannelLayer() });
/** Everyone connected to /chat/<room>/ gets every message sent to that room. */
class ChatConsumer extends core_1.WebsocketConsumer {
    get room() {
        return String(this.scope.url_route?.kwargs.room);
    }
    async connect() {
        await this.groupAdd(this.room);
        await this.accept();
    }
    async receive(text) {
        await this.groupSend(this.room, { type: "chat.message", text: text ?? "" });
    }
    async chat_message(message) {
        await this.send(message.text);
    }
}
const page = `<!doctype html><title>chat</title><input id="box" autofocus><pre id="log"></pre>
<script>
  const ws = new WebSocket("ws://" + location.host + "/chat/lobby/");
  ws.onmessage = (event) => (log.textContent += event.data + "\\n");
  box.onkeydown = (event) => { if (event.key === "Enter") { ws.send(box.value); box.value = ""; } };
</script>\n`;
/** GET / answers the page above; any other path is a 404. */
class HomePage extends core_1.HttpConsumer {
    async handle() {
        const found = this.scope.path === "/";
        const headers = { "content-type": found ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" };
        await this.sendResponse(found ? 200 : 404, found ? page : "Not found\n", { headers });
    }
}
const application = (0, core_1.ProtocolTypeRouter)({
    http: HomePage.asApp(),
    websocket: (0, core_1.URLRouter)([(0, core_1.path)("chat/<str:room>/", ChatConsumer.asApp())]),
});
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 8000);
(0, server_1.serve)(application, { host, port }).then((server) => console.log(`quickstart: open ${server.url}/ in two tabs`), (error) => {
    console.error(`quickstart: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
//# sourceMappingURL=app.js.map