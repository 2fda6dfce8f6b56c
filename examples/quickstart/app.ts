import {
  HttpConsumer,
  InMemoryChannelLayer,
  ProtocolTypeRouter,
  URLRouter,
  WebsocketConsumer,
  channelLayers,
  path,
} from "@channels-ts/core";
import { serve } from "@channels-ts/server";

// Groups need a channel layer: one in-memory layer for this process (Redis for several processes).
channelLayers.configure({ default: () => new InMemoryChannelLayer() });

interface ChatMessages {
  "chat.message": { text: string };
}

/** Everyone connected to /chat/<room>/ gets every message sent to that room. */
class ChatConsumer extends WebsocketConsumer<ChatMessages> {
  get room(): string {
    return String(this.scope.url_route?.kwargs.room);
  }
  override async connect() {
    await this.groupAdd(this.room);
    await this.accept();
  }
  override async receive(text?: string) {
    await this.groupSend(this.room, { type: "chat.message", text: text ?? "" });
  }
  async chat_message(message: { text: string }) {
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
class HomePage extends HttpConsumer {
  override async handle() {
    const found = this.scope.path === "/";
    const headers = { "content-type": found ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" };
    await this.sendResponse(found ? 200 : 404, found ? page : "Not found\n", { headers });
  }
}

const application = ProtocolTypeRouter({
  http: HomePage.asApp(),
  websocket: URLRouter([path("chat/<str:room>/", ChatConsumer.asApp())]),
});

const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 8000);
serve(application, { host, port }).then(
  (server) => console.log(`quickstart: open ${server.url}/ in two tabs`),
  (error: unknown) => {
    console.error(`quickstart: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
